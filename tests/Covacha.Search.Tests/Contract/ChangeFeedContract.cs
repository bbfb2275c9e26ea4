using Covacha.Search.Data;
using Covacha.Search.Index;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// What every change feed owes the in-memory index, run against each feed that is reachable: a
/// search-api process (a follower with its own index and its own feed reader) sees what another
/// process (the indexer) writes to the real store — new products, new versions and deletes —
/// misses nothing while writers commit concurrently, and loads an existing read model in pages.
/// </summary>
public abstract class ChangeFeedContract : IAsyncLifetime
{
    protected ISearchStore Writer { get; private set; } = null!;

    /// <summary>A fresh, empty read model on the real store, and its writer.</summary>
    protected abstract Task<ISearchStore> CreateStoreAsync();

    /// <summary>A new reader of the store's change feed, as a new process would have.</summary>
    protected abstract IChangeFeed NewFeed();

    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync() => Writer = await CreateStoreAsync();

    public Task DisposeAsync() => DropStoreAsync();

    protected SearchIndexFollower Follow(SearchIndex index, IChangeFeed? feed = null) =>
        new(index, feed ?? NewFeed(), Options.Create(new SearchOptions()), NullLogger<SearchIndexFollower>.Instance);

    protected static StoreSearchResult Find(SearchIndex index, string q) =>
        index.Search(new SearchQuery(q, null, null, null, null, SearchSort.Relevance, 1, 50));

    [StoreFact]
    public async Task Follower_UpdateAndDeleteByAnotherWriter_ReplaceWhatItServes()
    {
        using var index = new SearchIndex();
        var follower = Follow(index);
        var (before, after) = (TestProducts.UniqueWord(), TestProducts.UniqueWord());
        var id = Guid.NewGuid();
        await follower.LoadAsync(CancellationToken.None);

        await Writer.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "Lámpara " + before, version: 1))], CancellationToken.None);
        await WaitForAsync(follower, () => Find(index, before).Total == 1);
        Assert.Single(Find(index, before).Items);

        await Writer.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "Lámpara " + after, version: 2))], CancellationToken.None);
        await WaitForAsync(follower, () => Find(index, after).Total == 1);
        Assert.Empty(Find(index, before).Items);
        Assert.Equal("Lámpara " + after, Assert.Single(Find(index, after).Items).Name);

        await Writer.ApplyAsync([TestProducts.Delete(id, 3)], CancellationToken.None);
        await WaitForAsync(follower, () => index.Count == 0);
        Assert.Empty(Find(index, after).Items);
        Assert.Equal(0, index.Count);
    }

    [StoreFact]
    public async Task Follower_OlderVersionArrivingLate_KeepsTheNewerOne()
    {
        using var index = new SearchIndex();
        var follower = Follow(index);
        var word = TestProducts.UniqueWord();
        var id = Guid.NewGuid();
        await Writer.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} v3", version: 3))], CancellationToken.None);
        await follower.LoadAsync(CancellationToken.None);

        await Writer.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} v2", version: 2))], CancellationToken.None);
        await follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal($"{word} v3", Assert.Single(Find(index, word).Items).Name);
    }

    [StoreFact]
    public async Task Follower_PollingWhileManyWritersCommit_MissesNothing()
    {
        // Writers commit concurrently while a follower reads the feed; a feed that handed out a
        // change before an earlier-committing one, or lost one between pages, fails this.
        using var index = new SearchIndex();
        var follower = Follow(index);
        await follower.LoadAsync(CancellationToken.None);
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
                await Writer.ApplyAsync(changes, CancellationToken.None);
            }
        })));
        await writing.CancelAsync();
        await polling;
        await WaitForAsync(follower, () => index.Count == 800);

        Assert.Equal(800, index.Count);
        Assert.Equal(800, Find(index, word).Total);
    }

    [StoreFact]
    public async Task Feed_ExistingReadModel_IsLoadedInPagesUpToTheLastChange()
    {
        var word = TestProducts.UniqueWord();
        var count = SearchIndexFollower.PageSize + 321;
        for (var done = 0; done < count; done += 1_000)
        {
            await Writer.ApplyAsync(
                Enumerable.Range(done, Math.Min(1_000, count - done))
                    .Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} {i}", price: i)))
                    .ToList(),
                CancellationToken.None);
        }

        using var index = new SearchIndex();
        await Follow(index).LoadAsync(CancellationToken.None);

        Assert.Equal(count, index.Count);
        var cheapest = index.Search(new SearchQuery(word, null, null, null, null, SearchSort.PriceAsc, 1, 3));
        Assert.Equal([$"{word} 0", $"{word} 1", $"{word} 2"], cheapest.Items.Select(i => i.Name));
    }

    /// <summary>
    /// Catches up until <paramref name="done"/>: a feed may deliver a commit on a later read (a
    /// change stream's events follow the write by a moment), never lose it.
    /// </summary>
    protected static async Task WaitForAsync(SearchIndexFollower follower, Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await follower.CatchUpAsync(CancellationToken.None);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await follower.CatchUpAsync(CancellationToken.None);
        }
    }
}
