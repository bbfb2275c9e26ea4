using Covacha.Search.Data.Postgres;
using Covacha.Search.Index;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using static Covacha.Search.Tests.Contract.IndexedStoreFixture;

namespace Covacha.Search.Tests.Integration;

/// <summary>
/// The read model's change feed, as a search-api process sees writes made by the indexer (another
/// process): a follower with its own index on the same real PostgreSQL database.
/// </summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private SearchDatabase? _database;
    private PostgresSearchStore _writer = null!;

    public async Task InitializeAsync()
    {
        _database = await SearchDatabase.CreateAsync("searchf");
        _writer = new PostgresSearchStore(_database.DataSource);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static StoreSearchResult Find(SearchIndex index, string q) =>
        index.Search(new SearchQuery(q, null, null, null, null, SearchSort.Relevance, 1, 50));

    [Fact]
    public async Task Follower_UpdateAndDeleteByAnotherWriter_ReplaceWhatItServes()
    {
        using var index = new SearchIndex();
        var follower = Follow(_writer, index);
        var (before, after) = (TestProducts.UniqueWord(), TestProducts.UniqueWord());
        var id = Guid.NewGuid();

        await _writer.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "Lámpara " + before, version: 1))], CancellationToken.None);
        await follower.CatchUpAsync(CancellationToken.None);
        Assert.Single(Find(index, before).Items);

        await _writer.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "Lámpara " + after, version: 2))], CancellationToken.None);
        await follower.CatchUpAsync(CancellationToken.None);
        Assert.Empty(Find(index, before).Items);
        Assert.Equal("Lámpara " + after, Assert.Single(Find(index, after).Items).Name);

        await _writer.ApplyAsync([TestProducts.Delete(id, 3)], CancellationToken.None);
        await follower.CatchUpAsync(CancellationToken.None);
        Assert.Empty(Find(index, after).Items);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public async Task Follower_PollingWhileManyWritersCommit_MissesNothing()
    {
        // Writers commit concurrently while a follower reads the feed; if sequence order were not
        // commit order, the follower would move past a change that committed late and lose it.
        using var index = new SearchIndex();
        var follower = Follow(_writer, index);
        var word = TestProducts.UniqueWord();
        using var writing = new CancellationTokenSource();
        var polling = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await follower.CatchUpAsync(CancellationToken.None);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; batch < 25; batch++)
            {
                var changes = Enumerable.Range(0, 4)
                    .Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} w{writer} b{batch} p{i}")))
                    .ToList();
                await _writer.ApplyAsync(changes, CancellationToken.None);
            }
        })));
        await writing.CancelAsync();
        await polling;
        await follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal(800, index.Count);
        Assert.Equal(800, Find(index, word).Total);
    }

    [Fact]
    public async Task Feed_ExistingReadModel_IsLoadedInPagesUpToTheLastChange()
    {
        var word = TestProducts.UniqueWord();
        var count = SearchIndexFollower.PageSize + 321;
        for (var done = 0; done < count; done += 1_000)
        {
            await _writer.ApplyAsync(
                Enumerable.Range(done, Math.Min(1_000, count - done))
                    .Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} {i}", price: i)))
                    .ToList(),
                CancellationToken.None);
        }

        using var index = new SearchIndex();
        await Follow(_writer, index).CatchUpAsync(CancellationToken.None);

        Assert.Equal(count, index.Count);
        var cheapest = index.Search(new SearchQuery(word, null, null, null, null, SearchSort.PriceAsc, 1, 3));
        Assert.Equal([$"{word} 0", $"{word} 1", $"{word} 2"], cheapest.Items.Select(i => i.Name));
    }
}
