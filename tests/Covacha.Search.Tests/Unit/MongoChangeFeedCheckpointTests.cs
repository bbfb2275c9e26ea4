using Covacha.Search.Data.Mongo;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Covacha.Search.Tests.Unit;

/// <summary>
/// The MongoDB feed's checkpoints as far as they go without a server (nothing here reaches one):
/// none before it has read anything, and after a resume from a snapshot's token, that token back
/// for that position only; an unusable checkpoint gives none (the feed reads the collection again
/// first). Reading, and refusing a checkpoint while the collection is read, need a server: the
/// MongoDB leg of the snapshot contract.
/// </summary>
public sealed class MongoChangeFeedCheckpointTests : IDisposable
{
    private static readonly byte[] Token = new BsonDocument("_data", "82674A1B2C000000012B0229296E04").ToBson();

    private readonly MongoClient _client = new("mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=100");

    private MongoChangeFeed NewFeed() => new(_client.GetDatabase("search"), NullLogger<MongoChangeFeed>.Instance);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Checkpoint_BeforeAnyRead_IsNone()
    {
        using var feed = NewFeed();

        Assert.Null(await feed.CheckpointAsync(0, CancellationToken.None));
    }

    [Fact]
    public async Task ResumeFrom_ASnapshotsToken_GivesItBackForThatPositionOnly()
    {
        using var feed = NewFeed();

        feed.ResumeFrom(42, Token);

        Assert.Equal(Token, await feed.CheckpointAsync(42, CancellationToken.None));
        Assert.Null(await feed.CheckpointAsync(41, CancellationToken.None));
        Assert.Equal(0, feed.Snapshots);
        Assert.Equal(BsonSerializerToken(), feed.ResumeToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public async Task ResumeFrom_NoUsableToken_GivesNoCheckpointUntilTheCollectionIsReadAgain(byte[]? checkpoint)
    {
        using var feed = NewFeed();

        feed.ResumeFrom(42, checkpoint);

        Assert.Null(await feed.CheckpointAsync(42, CancellationToken.None));
        Assert.Null(feed.ResumeToken);
    }

    private static BsonDocument BsonSerializerToken() => new("_data", "82674A1B2C000000012B0229296E04");
}
