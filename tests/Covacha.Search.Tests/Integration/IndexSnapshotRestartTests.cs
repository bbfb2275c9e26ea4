using Covacha.Search.Data;
using Covacha.Search.Data.Postgres;
using Covacha.Search.Index;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Covacha.Search.Tests.Integration;

/// <summary>
/// A search-api process restarting from the newest index snapshot on a real PostgreSQL read
/// model falls back to the whole change feed when the snapshot cannot be used. (A restart from a
/// snapshot taken during a write burst is in the snapshot contract, <c>IndexSnapshotContract</c>.)
/// </summary>
public sealed class IndexSnapshotRestartTests : IAsyncLifetime
{
    private SearchDatabase? _database;
    private PostgresSearchStore _store = null!;
    private PostgresIndexSnapshotStore _snapshots = null!;

    public async Task InitializeAsync()
    {
        _database = await SearchDatabase.CreateAsync("searchsnap");
        _store = new PostgresSearchStore(_database.DataSource);
        _snapshots = new PostgresIndexSnapshotStore(_database.DataSource);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private SearchIndexFollower Follower(SearchIndex index, IIndexSnapshotStore? snapshots = null, SearchOptions? options = null) =>
        new(index, _store, Options.Create(options ?? new SearchOptions()), NullLogger<SearchIndexFollower>.Instance, snapshots ?? _snapshots);

    /// <summary>What the read model holds: every live product's stored state.</summary>
    private async Task<List<StoredProduct>> ReadModelAsync()
    {
        await using var command = _database!.DataSource.CreateCommand(
            "SELECT id, name, description, price_minor, currency, category, image_url, stock FROM products WHERE NOT deleted");
        await using var reader = await command.ExecuteReaderAsync();
        var products = new List<StoredProduct>();
        while (await reader.ReadAsync())
        {
            products.Add(new StoredProduct(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), await reader.IsDBNullAsync(6) ? null : reader.GetString(6), reader.GetInt32(7)));
        }

        return products;
    }

    private static void AssertHoldsExactly(List<StoredProduct> expected, SearchIndex index)
    {
        var held = index.Products();
        Assert.Equal(held.Count, held.Select(p => p.Id).Distinct().Count());
        Assert.Equal(expected.Count, index.Count);
        Assert.Equal(expected.OrderBy(p => p.Id).ToList(), held.OrderBy(p => p.Id).ToList());
    }

    private async Task SeedAsync(int count, string word)
    {
        for (var done = 0; done < count; done += 500)
        {
            await _store.ApplyAsync(
                Enumerable.Range(done, Math.Min(500, count - done))
                    .Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} semilla {i}", price: 1 + i)))
                    .ToList(),
                CancellationToken.None);
        }
    }

    [Fact]
    public async Task Restart_SnapshotWrittenBeforeCheckpointsWereKept_StartsFromItAndReadsTheFeedAfterIt()
    {
        var word = TestProducts.UniqueWord();
        await SeedAsync(700, word);
        using var running = new SearchIndex();
        var follower = Follower(running);
        await follower.LoadAsync(CancellationToken.None);
        var snapshot = await follower.WriteSnapshotAsync(CancellationToken.None);
        Assert.Equal(BitConverter.GetBytes(700L), snapshot!.Checkpoint);
        await using (var older = _database!.DataSource.CreateCommand("UPDATE index_snapshots SET checkpoint = NULL"))
        {
            await older.ExecuteNonQueryAsync();
        }

        await _store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} después"))], CancellationToken.None);
        using var restarted = new SearchIndex();
        var afterRestart = Follower(restarted);
        await afterRestart.LoadAsync(CancellationToken.None);

        Assert.Equal("snapshot", afterRestart.LoadedFrom);
        AssertHoldsExactly(await ReadModelAsync(), restarted);
        Assert.Equal(701, restarted.Count);
    }

    [Fact]
    public async Task Restart_SnapshotDamagedInTheDatabase_LoadsEverythingFromTheFeed()
    {
        var word = TestProducts.UniqueWord();
        await SeedAsync(1_500, word);
        using var running = new SearchIndex();
        var follower = Follower(running);
        await follower.LoadAsync(CancellationToken.None);
        Assert.NotNull(await follower.WriteSnapshotAsync(CancellationToken.None));
        var id = Guid.NewGuid();
        await _store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} después"))], CancellationToken.None);
        await using (var damage = _database!.DataSource.CreateCommand(
            "UPDATE index_snapshot_parts SET data = overlay(data PLACING '\\xdeadbeef'::bytea FROM 5000 FOR 4)"))
        {
            Assert.True(await damage.ExecuteNonQueryAsync() > 0);
        }

        using var restarted = new SearchIndex();
        var afterRestart = Follower(restarted);
        await afterRestart.LoadAsync(CancellationToken.None);

        Assert.Equal("feed", afterRestart.LoadedFrom);
        AssertHoldsExactly(await ReadModelAsync(), restarted);
        Assert.Equal(1_501, restarted.Count);
    }

    [Fact]
    public async Task Running_AfterTheNewestSnapshotWasUnusable_WritesANewOneWithoutWaitingForTheInterval()
    {
        await SeedAsync(1_500, TestProducts.UniqueWord());
        using (var first = new SearchIndex())
        {
            var writer = Follower(first);
            await writer.LoadAsync(CancellationToken.None);
            Assert.NotNull(await writer.WriteSnapshotAsync(CancellationToken.None));
        }

        await using (var damage = _database!.DataSource.CreateCommand(
            "UPDATE index_snapshot_parts SET data = overlay(data PLACING '\\xdeadbeef'::bytea FROM 5000 FOR 4)"))
        {
            Assert.True(await damage.ExecuteNonQueryAsync() > 0);
        }

        var damaged = await _snapshots.LatestAsync(SearchIndex.SnapshotFormat, CancellationToken.None);

        // Not a change since the damaged snapshot, and its interval is a day: only its being
        // unusable makes the next process write one.
        using var index = new SearchIndex();
        var follower = Follower(index, options: new SearchOptions { SnapshotEveryChanges = 1_000, SnapshotMinimumIntervalSeconds = 86_400, IndexPollMilliseconds = 20 });
        await follower.StartAsync(CancellationToken.None);
        try
        {
            var replaced = await Eventually.WaitAsync(
                () => _snapshots.LatestAsync(SearchIndex.SnapshotFormat, CancellationToken.None), s => s?.Id != damaged!.Id, TimeSpan.FromSeconds(60),
                "a snapshot replacing the damaged one");
            Assert.Equal(1_500, replaced!.Products);
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
        }

        Assert.Equal("feed", follower.LoadedFrom);
        using var restarted = new SearchIndex();
        var afterRestart = Follower(restarted);
        await afterRestart.LoadAsync(CancellationToken.None);
        Assert.Equal("snapshot", afterRestart.LoadedFrom);
        AssertHoldsExactly(await ReadModelAsync(), restarted);
    }

    [Fact]
    public async Task Restart_OnlySnapshotsOfAnotherFormat_LoadsFromTheFeedAndWritesItsOwn()
    {
        await SeedAsync(600, TestProducts.UniqueWord());
        await using (var foreign = _database!.DataSource.CreateCommand(
            $"""
             WITH s AS (INSERT INTO index_snapshots (format, position, products, bytes) VALUES ({SearchIndex.SnapshotFormat + 1}, 600, 600, 4) RETURNING id)
             INSERT INTO index_snapshot_parts (snapshot_id, part, data) SELECT id, 0, '\x01020304'::bytea FROM s
             """))
        {
            await foreign.ExecuteNonQueryAsync();
        }

        using var index = new SearchIndex();
        var follower = Follower(index);
        await follower.LoadAsync(CancellationToken.None);
        Assert.Equal("feed", follower.LoadedFrom);
        Assert.Equal(600, index.Count);

        var written = await follower.WriteSnapshotAsync(CancellationToken.None);
        Assert.Equal(SearchIndex.SnapshotFormat, written!.Format);
        var latest = await _snapshots.LatestAsync(SearchIndex.SnapshotFormat, CancellationToken.None);
        Assert.Equal((written.Id, 600), (latest!.Id, latest.Products));
    }

    [Fact]
    public async Task WriteSnapshot_TwoProcessesAtOnce_OneSnapshotIsKept()
    {
        await SeedAsync(3_000, TestProducts.UniqueWord());
        using var first = new SearchIndex();
        using var second = new SearchIndex();
        var (a, b) = (Follower(first), Follower(second));
        await Task.WhenAll(a.LoadAsync(CancellationToken.None), b.LoadAsync(CancellationToken.None));

        var written = await Task.WhenAll(a.WriteSnapshotAsync(CancellationToken.None), b.WriteSnapshotAsync(CancellationToken.None));

        Assert.Contains(written, w => w is not null);
        await using var count = _database!.DataSource.CreateCommand("SELECT count(*) FROM index_snapshots");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}
