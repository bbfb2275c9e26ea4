using Covacha.Search.Data;
using Covacha.Search.Index;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// What every index snapshot store owes the search-api processes, run against each read model
/// that is reachable: a snapshot is found and read back whole with its feed checkpoint, the
/// newest wins, one process writes at a time, a failed or abandoned write is never read, and a
/// process restarting from a snapshot taken in the middle of a write burst, reading its feed on
/// from the snapshot's checkpoint, holds exactly what the read model holds.
/// </summary>
public abstract class IndexSnapshotContract : IAsyncLifetime
{
    private const int Format = SearchIndex.SnapshotFormat;

    protected ISearchStore Writer { get; private set; } = null!;

    /// <summary>The snapshot store of the running process (others get their own: <see cref="NewSnapshotStore"/>).</summary>
    protected IIndexSnapshotStore Snapshots { get; private set; } = null!;

    /// <summary>A fresh, empty read model on the real store, and its writer.</summary>
    protected abstract Task<ISearchStore> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    /// <summary>The snapshot store as a new process would have it.</summary>
    protected abstract IIndexSnapshotStore NewSnapshotStore();

    /// <summary>A new reader of the store's change feed, as a new process would have.</summary>
    protected abstract IChangeFeed NewFeed();

    /// <summary>Every live product as the read model holds it.</summary>
    protected abstract Task<List<StoredProduct>> ReadModelAsync();

    /// <summary>The ids of the snapshots kept (whatever their format).</summary>
    protected abstract Task<List<long>> StoredSnapshotsAsync();

    /// <summary>How many stored parts belong to snapshot <paramref name="id"/>.</summary>
    protected abstract Task<long> StoredPartsAsync(long id);

    /// <summary>
    /// Leaves what a process that died in the middle of writing a snapshot would leave (its lock
    /// or lease, its parts); returns the id its snapshot would have had.
    /// </summary>
    protected abstract Task<long> AbandonWriteAsync();

    /// <summary>Checks, where the feed can tell, that a restarted process read its feed on from the checkpoint rather than from the start.</summary>
    protected virtual void AssertResumedFromTheCheckpoint(IChangeFeed feed)
    {
    }

    public async Task InitializeAsync()
    {
        Writer = await CreateStoreAsync();
        Snapshots = NewSnapshotStore();
    }

    public Task DisposeAsync() => DropStoreAsync();

    [StoreFact]
    public async Task Save_ThenLatestAndRead_GiveBackTheBytesPositionAndCheckpoint()
    {
        var bytes = RandomBytes((2 * 4 * 1024 * 1024) + 12_345, seed: 1);
        var checkpoint = RandomBytes(37, seed: 2);

        var saved = await Snapshots.SaveAsync(Format, checkpoint, stream =>
        {
            // In pieces that do not line up with the stored parts.
            for (var at = 0; at < bytes.Length; at += 100_003)
            {
                stream.Write(bytes.AsSpan(at, Math.Min(100_003, bytes.Length - at)));
            }

            return (4_242, 17);
        }, CancellationToken.None);

        Assert.NotNull(saved);
        var latest = await NewSnapshotStore().LatestAsync(Format, CancellationToken.None);
        Assert.NotNull(latest);
        Assert.Equal((saved.Id, Format, 4_242L, 17, (long)bytes.Length), (latest.Id, latest.Format, latest.Position, latest.Products, latest.Bytes));
        Assert.Equal(checkpoint, latest.Checkpoint);
        Assert.InRange(latest.Age, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(bytes, await ReadAllAsync(NewSnapshotStore(), latest));
        Assert.Null(await Snapshots.LatestAsync(Format + 1, CancellationToken.None));
    }

    [StoreFact]
    public async Task Save_NewerSnapshots_AreTheLatestAndTheOlderOnesAreDropped()
    {
        var first = await SaveAsync(Format, 10);
        await SaveAsync(Format, 20);
        var foreign = await SaveAsync(Format + 1, 25);
        var third = await SaveAsync(Format, 30);

        var latest = await NewSnapshotStore().LatestAsync(Format, CancellationToken.None);
        Assert.Equal((third.Id, 30L), (latest!.Id, latest.Position));
        Assert.Equal(third.Checkpoint, latest.Checkpoint);
        var kept = await StoredSnapshotsAsync();
        Assert.DoesNotContain(first.Id, kept);
        Assert.Equal(0, await StoredPartsAsync(first.Id));

        // Another format (a version being rolled out or back) keeps its own newest.
        Assert.Contains(foreign.Id, kept);
        Assert.Equal(foreign.Id, (await Snapshots.LatestAsync(Format + 1, CancellationToken.None))!.Id);
    }

    [StoreFact]
    public async Task Save_WhileAnotherProcessIsWritingOne_ReturnsNullAndNoHalfWrittenSnapshotIsSeen()
    {
        using var halfway = new SemaphoreSlim(0);
        using var finish = new SemaphoreSlim(0);
        var firstHalf = RandomBytes(5 * 1024 * 1024, seed: 3);
        var writing = Snapshots.SaveAsync(Format, [1], stream =>
        {
            stream.Write(firstHalf);
            halfway.Release();
            finish.Wait();
            stream.Write(firstHalf);
            return (10, 1);
        }, CancellationToken.None);
        Assert.True(await halfway.WaitAsync(TimeSpan.FromSeconds(60)), "the first writer is under way");

        var other = NewSnapshotStore();
        var second = await other.SaveAsync(Format, [2], stream =>
        {
            stream.Write(firstHalf);
            return (20, 2);
        }, CancellationToken.None);
        var seenMeanwhile = await other.LatestAsync(Format, CancellationToken.None);
        finish.Release();
        var first = await writing;

        Assert.Null(second);
        Assert.Null(seenMeanwhile);
        Assert.NotNull(first);
        var latest = await other.LatestAsync(Format, CancellationToken.None);
        Assert.Equal((first.Id, 10L, 2L * firstHalf.Length), (latest!.Id, latest.Position, latest.Bytes));
        var read = await ReadAllAsync(other, latest);
        Assert.Equal(firstHalf.Concat(firstHalf), read);
    }

    [StoreFact]
    public async Task Save_WriteFailsHalfway_KeepsThePreviousSnapshotAndTheNextSaveWorks()
    {
        var kept = await SaveAsync(Format, 10);

        await Assert.ThrowsAsync<IOException>(() => Snapshots.SaveAsync(Format, [9], stream =>
        {
            stream.Write(RandomBytes(5 * 1024 * 1024, seed: 4));
            throw new IOException("the index could not be written");
        }, CancellationToken.None));

        var latest = await NewSnapshotStore().LatestAsync(Format, CancellationToken.None);
        Assert.Equal(kept.Id, latest!.Id);
        Assert.Equal(Payload(10), await ReadAllAsync(Snapshots, latest));
        var next = await SaveAsync(Format, 20);
        Assert.Equal(next.Id, (await Snapshots.LatestAsync(Format, CancellationToken.None))!.Id);
    }

    [StoreFact]
    public async Task Save_AfterAWriterDiedMidWrite_IsNotBlockedAndNothingOfTheDeadOneIsRead()
    {
        var kept = await SaveAsync(Format, 10);

        var abandoned = await AbandonWriteAsync();

        Assert.Equal(kept.Id, (await NewSnapshotStore().LatestAsync(Format, CancellationToken.None))!.Id);
        var next = await SaveAsync(Format, 20);
        var latest = await NewSnapshotStore().LatestAsync(Format, CancellationToken.None);
        Assert.Equal(next.Id, latest!.Id);
        Assert.Equal(Payload(20), await ReadAllAsync(Snapshots, latest));
        Assert.DoesNotContain(abandoned, await StoredSnapshotsAsync());
        Assert.Equal(0, await StoredPartsAsync(abandoned));
    }

    [StoreFact]
    public async Task Restart_FromASnapshotTakenDuringAWriteBurst_HoldsEveryProductsLatestVersionOnce()
    {
        var word = TestProducts.UniqueWord();
        await SeedAsync(2_000, word);
        using var running = new SearchIndex();
        var follower = Follower(running, NewFeed(), Snapshots);
        await follower.LoadAsync(CancellationToken.None);

        // Six writers, each with its own products: new ones, new versions of earlier ones, and
        // deletes, committing concurrently while the running process follows the feed.
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var mine = new List<(Guid Id, long Version)>();
            var batches = 0;
            while (!stop.IsCancellationRequested || batches < 10)
            {
                var changes = new List<ProductChange>();
                for (var i = 0; i < 8; i++)
                {
                    var roll = random.Next(10);
                    if (mine.Count > 0 && roll == 0)
                    {
                        var at = random.Next(mine.Count);
                        changes.Add(TestProducts.Delete(mine[at].Id, mine[at].Version + 1));
                        mine.RemoveAt(at);
                    }
                    else if (mine.Count > 0 && roll < 5)
                    {
                        var at = random.Next(mine.Count);
                        var (id, version) = (mine[at].Id, mine[at].Version + 1);
                        mine[at] = (id, version);
                        changes.Add(TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} w{w} v{version}", $"versión {version}", price: version, version: version)));
                    }
                    else
                    {
                        var id = Guid.NewGuid();
                        mine.Add((id, 1));
                        changes.Add(TestProducts.Upsert(TestProducts.Snapshot(id, $"{word} w{w} v1", "versión 1", price: 1)));
                    }
                }

                // Several changes to one product in one batch keep only its newest (the store's rule).
                await Writer.ApplyAsync(changes, CancellationToken.None);
                batches++;
            }
        })).ToList();
        var following = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await follower.CatchUpAsync(CancellationToken.None);
            }
        });

        // The snapshot is taken mid-burst: writes commit before, while and after it is written.
        await Eventually.WaitAsync(() => Task.FromResult(running.Position), p => p > 2_300, TimeSpan.FromSeconds(60), "the burst under way");
        var snapshot = await follower.WriteSnapshotAsync(CancellationToken.None);
        Assert.NotNull(snapshot);
        await Eventually.WaitAsync(() => Task.FromResult(running.Position), p => p > snapshot.Position + 300, TimeSpan.FromSeconds(60), "writes after the snapshot");
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await following;

        using var restarted = new SearchIndex();
        var feed = NewFeed();
        var afterRestart = Follower(restarted, feed, NewSnapshotStore());
        await afterRestart.LoadAsync(CancellationToken.None);

        Assert.Equal("snapshot", afterRestart.LoadedFrom);
        AssertResumedFromTheCheckpoint(feed);
        var readModel = await ReadModelAsync();
        await CatchUpUntilAsync(afterRestart, restarted, readModel.Count);
        AssertHoldsExactly(readModel, restarted);
        await CatchUpUntilAsync(follower, running, readModel.Count);
        AssertHoldsExactly(readModel, running);
        var query = new SearchQuery(word, null, null, null, null, SearchSort.PriceDesc, 1, 50);
        Assert.Equal(running.Search(query), restarted.Search(query), new SearchResultComparer());
    }

    protected static SearchIndexFollower Follower(SearchIndex index, IChangeFeed feed, IIndexSnapshotStore snapshots) =>
        new(index, feed, Options.Create(new SearchOptions()), NullLogger<SearchIndexFollower>.Instance, snapshots);

    protected async Task SeedAsync(int count, string word)
    {
        for (var done = 0; done < count; done += 500)
        {
            await Writer.ApplyAsync(
                Enumerable.Range(done, Math.Min(500, count - done))
                    .Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} semilla {i}", price: 1 + i)))
                    .ToList(),
                CancellationToken.None);
        }
    }

    /// <summary>
    /// Catches up until the index holds <paramref name="count"/> products and one more read brings
    /// nothing: a change stream delivers a commit a moment after it, never loses it.
    /// </summary>
    protected static async Task CatchUpUntilAsync(SearchIndexFollower follower, SearchIndex index, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long position;
        do
        {
            position = index.Position;
            await follower.CatchUpAsync(CancellationToken.None);
        }
        while ((index.Count != count || index.Position != position) && DateTime.UtcNow < deadline);
    }

    protected static void AssertHoldsExactly(List<StoredProduct> expected, SearchIndex index)
    {
        var held = index.Products();
        Assert.Equal(held.Count, held.Select(p => p.Id).Distinct().Count());
        Assert.Equal(expected.Count, index.Count);
        Assert.Equal(expected.OrderBy(p => p.Id).ToList(), held.OrderBy(p => p.Id).ToList());
    }

    protected static async Task<byte[]> ReadAllAsync(IIndexSnapshotStore store, IndexSnapshotInfo snapshot)
    {
        using var copy = new MemoryStream();
        await store.ReadAsync(snapshot, stream => stream.CopyTo(copy), CancellationToken.None);
        return copy.ToArray();
    }

    /// <summary>Saves a small snapshot whose bytes and checkpoint are derived from <paramref name="position"/>.</summary>
    private async Task<IndexSnapshotInfo> SaveAsync(int format, long position)
    {
        var saved = await Snapshots.SaveAsync(format, BitConverter.GetBytes(position), stream =>
        {
            stream.Write(Payload(position));
            return (position, (int)position);
        }, CancellationToken.None);
        Assert.NotNull(saved);
        return saved;
    }

    private static byte[] Payload(long position) => RandomBytes(1_000 + (int)position, seed: (int)position);

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Totals, items and category counts (the dictionary compared by content).</summary>
    private sealed class SearchResultComparer : IEqualityComparer<StoreSearchResult>
    {
        public bool Equals(StoreSearchResult? x, StoreSearchResult? y) =>
            x!.Total == y!.Total && x.Items.SequenceEqual(y.Items)
            && x.CategoryCounts.OrderBy(c => c.Key).SequenceEqual(y.CategoryCounts.OrderBy(c => c.Key));

        public int GetHashCode(StoreSearchResult obj) => obj.Total.GetHashCode();
    }
}
