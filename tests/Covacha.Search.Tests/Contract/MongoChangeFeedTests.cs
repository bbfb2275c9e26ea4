using Covacha.Search.Data;
using Covacha.Search.Data.Mongo;
using Covacha.Search.Index;
using Covacha.Search.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// One MongoDB server for the change-feed leg: <c>COVACHA_TEST_MONGODB</c> (it must be a replica
/// set: change streams need one), else a single-node replica set under Testcontainers.
/// </summary>
public sealed class MongoReplicaSetFixture : IAsyncLifetime
{
    private MongoDbContainer? _container;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (MongoStoreFixture.Unavailable() is not null)
        {
            return;
        }

        var configured = Environment.GetEnvironmentVariable("COVACHA_TEST_MONGODB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        _container = new MongoDbBuilder("mongo:7.0").WithReplicaSet("rs0").Build();
        await _container.StartAsync();
        ConnectionString = _container.GetConnectionString();
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

/// <summary>The MongoDB leg of the change-feed contract: a snapshot of the collection, then its change stream.</summary>
public sealed class MongoChangeFeedTests(MongoReplicaSetFixture server) : ChangeFeedContract, IClassFixture<MongoReplicaSetFixture>
{
    private IMongoDatabase? _database;

    public static string? SkipReason => MongoStoreFixture.Unavailable();

    protected override async Task<ISearchStore> CreateStoreAsync()
    {
        _database = new MongoClient(server.ConnectionString).GetDatabase("search_feed_" + Guid.NewGuid().ToString("N")[..8]);
        var store = new MongoSearchStore(_database);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    protected override IChangeFeed NewFeed() => new MongoChangeFeed(_database!, NullLogger<MongoChangeFeed>.Instance);

    protected override async Task DropStoreAsync()
    {
        if (_database is not null)
        {
            await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        }
    }

    [StoreFact]
    public async Task Feed_ResumeTokenLost_StartsOverFromASnapshotAndHoldsExactlyTheReadModel()
    {
        var word = TestProducts.UniqueWord();
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        await Writer.ApplyAsync(ids.Select((id, i) => TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} {i} v1"))).ToList(), CancellationToken.None);
        using var index = new SearchIndex();
        var feed = (MongoChangeFeed)NewFeed();
        var follower = Follow(index, feed);
        await follower.LoadAsync(CancellationToken.None);
        Assert.Equal(30, index.Count);

        // A token the server cannot resume from (as when the oplog has moved past it), then
        // writes the follower has not seen: new versions, deletes and new products.
        feed.ResumeFrom(new BsonDocument("_data", "8200000001000000012B0229296E04"));
        var changes = ids.Take(5).Select((id, i) => TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} {i} v2", version: 2)))
            .Concat(ids.Skip(5).Take(5).Select(id => TestProducts.Delete(id, 2)))
            .Concat(Enumerable.Range(0, 5).Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} new {i}"))))
            .ToList();
        await Writer.ApplyAsync(changes, CancellationToken.None);
        await WaitForAsync(follower, () => index.Count == 30 && Find(index, "v2").Total == 5);

        Assert.Equal(2, feed.Snapshots);
        var live = await _database!.GetCollection<BsonDocument>("products")
            .Find(Builders<BsonDocument>.Filter.Eq("deleted", false)).ToListAsync();
        Assert.Equal(
            live.Select(MongoDocuments.ToStoredProduct).OrderBy(p => p.Id).ToList(),
            index.Products().OrderBy(p => p.Id).ToList());
    }
}
