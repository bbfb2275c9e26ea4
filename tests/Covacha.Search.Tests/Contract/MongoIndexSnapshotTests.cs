using Covacha.Search.Data;
using Covacha.Search.Data.Mongo;
using Covacha.Search.Index;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// The MongoDB leg of the index snapshot contract: parts and a flip document beside the read
/// model, one writer at a time under a lease that expires, and restarts that open the change
/// stream from the snapshot's resume token (or read the collection again when it is lost).
/// </summary>
public sealed class MongoIndexSnapshotTests(MongoReplicaSetFixture server) : IndexSnapshotContract, IClassFixture<MongoReplicaSetFixture>
{
    private IMongoDatabase? _database;

    public static string? SkipReason => MongoStoreFixture.Unavailable();

    private IMongoCollection<BsonDocument> Collection(string name) => _database!.GetCollection<BsonDocument>(name);

    protected override async Task<ISearchStore> CreateStoreAsync()
    {
        _database = new MongoClient(server.ConnectionString).GetDatabase("search_snap_" + Guid.NewGuid().ToString("N")[..8]);
        var store = new MongoSearchStore(_database);
        await store.InitializeAsync(CancellationToken.None);
        await new MongoIndexSnapshotStore(_database, TimeProvider.System).InitializeAsync(CancellationToken.None);
        return store;
    }

    protected override async Task DropStoreAsync()
    {
        if (_database is not null)
        {
            await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        }
    }

    protected override IIndexSnapshotStore NewSnapshotStore() => new MongoIndexSnapshotStore(_database!, TimeProvider.System);

    protected override IChangeFeed NewFeed() => new MongoChangeFeed(_database!, NullLogger<MongoChangeFeed>.Instance);

    protected override async Task<List<StoredProduct>> ReadModelAsync() =>
        (await Collection("products").Find(Builders<BsonDocument>.Filter.Eq("deleted", false)).ToListAsync())
        .Select(MongoDocuments.ToStoredProduct).ToList();

    protected override async Task<List<long>> StoredSnapshotsAsync() =>
        (await Collection("index_snapshots").Find(Builders<BsonDocument>.Filter.Empty).ToListAsync()).Select(s => s["_id"].ToInt64()).ToList();

    protected override Task<long> StoredPartsAsync(long id) =>
        Collection("index_snapshot_parts").CountDocumentsAsync(Builders<BsonDocument>.Filter.Eq("snapshot", id));

    /// <summary>A writer that took the lease (and a snapshot id), stored two parts and died: its lease has run out since.</summary>
    protected override async Task<long> AbandonWriteAsync()
    {
        var lease = await Collection("index_snapshot_writer").FindOneAndUpdateAsync(
            Builders<BsonDocument>.Filter.Eq("_id", "writer"),
            Builders<BsonDocument>.Update.Set("owner", ObjectId.GenerateNewId()).Set("expiresAt", DateTime.UtcNow.AddSeconds(-1)).Inc("next", 1L),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After });
        var id = lease["next"].ToInt64();
        await Collection("index_snapshot_parts").InsertManyAsync(Enumerable.Range(0, 2).Select(part => new BsonDocument
        {
            ["snapshot"] = id,
            ["part"] = part,
            ["data"] = new BsonBinaryData(new byte[] { 1, 2, 3, 4 }),
        }));
        return id;
    }

    /// <summary>The restarted feed opened the stream from the snapshot's token: it never read the collection.</summary>
    protected override void AssertResumedFromTheCheckpoint(IChangeFeed feed) => Assert.Equal(0, ((MongoChangeFeed)feed).Snapshots);

    [StoreFact]
    public async Task Save_LeaseOfAWriterStillAlive_ReturnsNullUntilTheLeaseRunsOut()
    {
        var writer = Collection("index_snapshot_writer");
        await writer.InsertOneAsync(new BsonDocument
        {
            ["_id"] = "writer",
            ["owner"] = ObjectId.GenerateNewId(),
            ["expiresAt"] = DateTime.UtcNow.AddMinutes(1),
            ["next"] = 41L,
        });

        var whileHeld = await Snapshots.SaveAsync(SearchIndex.SnapshotFormat, [1], Write, CancellationToken.None);
        await writer.UpdateOneAsync(Builders<BsonDocument>.Filter.Eq("_id", "writer"), Builders<BsonDocument>.Update.Set("expiresAt", DateTime.UtcNow.AddSeconds(-1)));
        var afterExpiry = await Snapshots.SaveAsync(SearchIndex.SnapshotFormat, [1], Write, CancellationToken.None);

        Assert.Null(whileHeld);
        Assert.NotNull(afterExpiry);
        Assert.Equal(42, afterExpiry.Id);
        Assert.Equal(42, (await Snapshots.LatestAsync(SearchIndex.SnapshotFormat, CancellationToken.None))!.Id);

        static (long, int) Write(Stream stream)
        {
            stream.Write([1, 2, 3]);
            return (7, 1);
        }
    }

    [StoreFact]
    public async Task Checkpoint_WhileTheCollectionIsRead_IsNoneAndOnceCaughtUpResumesAnotherProcessAfterIt()
    {
        var word = TestProducts.UniqueWord();
        await Writer.ApplyAsync(Enumerable.Range(0, 30).Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} {i}"))).ToList(), CancellationToken.None);
        using var feed = (MongoChangeFeed)NewFeed();

        Assert.Equal(10, (await feed.ReadChangesAsync(0, 10, CancellationToken.None)).Count);
        var whileReading = await feed.CheckpointAsync(10, CancellationToken.None);
        var position = 10L;
        while ((await feed.ReadChangesAsync(position, 10, CancellationToken.None)) is { Count: > 0 } page)
        {
            position = page[^1].Sequence;
        }

        var caughtUp = await feed.CheckpointAsync(position, CancellationToken.None);
        var elsewhere = await feed.CheckpointAsync(position - 1, CancellationToken.None);

        Assert.Null(whileReading);
        Assert.Equal(30, position);
        Assert.NotNull(caughtUp);
        Assert.Null(elsewhere);

        // Another process given that checkpoint reads only what was written after it, numbered on.
        var id = Guid.NewGuid();
        await Writer.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} después"))], CancellationToken.None);
        using var resumed = (MongoChangeFeed)NewFeed();
        resumed.ResumeFrom(30, caughtUp);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<StoredChange> after;
        do
        {
            after = await resumed.ReadChangesAsync(30, 10, CancellationToken.None);
        }
        while (after.Count == 0 && DateTime.UtcNow < deadline);

        var change = Assert.Single(after);
        Assert.Equal((31L, id), (change.Sequence, change.ProductId));
        Assert.Equal(0, resumed.Snapshots);
    }

    [StoreFact]
    public async Task Restart_ResumeTokenLostWhileDown_ReadsTheCollectionOverTheSnapshotAndDeletedProductsDisappear()
    {
        var word = TestProducts.UniqueWord();
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        await Writer.ApplyAsync(ids.Select((id, i) => TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} {i} v1"))).ToList(), CancellationToken.None);
        IndexSnapshotInfo? snapshot;
        using (var running = new SearchIndex())
        {
            var follower = Follower(running, NewFeed(), Snapshots);
            await follower.LoadAsync(CancellationToken.None);
            snapshot = await follower.WriteSnapshotAsync(CancellationToken.None);
            Assert.NotNull(snapshot);
        }

        // While no process runs: new versions, deletes and new products; then the snapshot's token
        // stops being one the server can resume from (as when the oplog has moved past it).
        await Writer.ApplyAsync(
            ids.Take(5).Select((id, i) => TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} {i} v2", version: 2)))
                .Concat(ids.Skip(5).Take(5).Select(id => TestProducts.Delete(id, 2)))
                .Concat(Enumerable.Range(0, 5).Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} new {i}"))))
                .ToList(),
            CancellationToken.None);
        await Collection("index_snapshots").UpdateManyAsync(Builders<BsonDocument>.Filter.Empty,
            Builders<BsonDocument>.Update.Set("checkpoint", new BsonBinaryData(new BsonDocument("_data", "8200000001000000012B0229296E04").ToBson())));

        using var restarted = new SearchIndex();
        var feed = (MongoChangeFeed)NewFeed();
        var afterRestart = Follower(restarted, feed, NewSnapshotStore());
        await afterRestart.LoadAsync(CancellationToken.None);
        var readModel = await ReadModelAsync();
        await CatchUpUntilAsync(afterRestart, restarted, readModel.Count);

        Assert.Equal("snapshot", afterRestart.LoadedFrom);
        Assert.Equal(1, feed.Snapshots);
        Assert.True(restarted.Position > snapshot.Position, "numbered on from the snapshot's position");
        Assert.Equal(30, readModel.Count);
        AssertHoldsExactly(readModel, restarted);
        Assert.All(ids.Skip(5).Take(5), id => Assert.DoesNotContain(restarted.Products(), p => p.Id == id));

        // Once it has read the collection and caught up, its own snapshot can be written again.
        Assert.NotNull(await afterRestart.WriteSnapshotAsync(CancellationToken.None));
    }
}
