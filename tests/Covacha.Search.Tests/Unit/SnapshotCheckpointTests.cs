using Covacha.Search.Data;
using Covacha.Search.Index;
using Covacha.Search.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Covacha.Search.Tests.Unit;

/// <summary>
/// The follower's side of snapshot checkpoints, against a feed at the interface level: a snapshot
/// carries the feed's checkpoint for exactly the index's position, none is written while the
/// feed cannot give one (still reading the whole read model), a restart hands the checkpoint back
/// to the feed before reading it, and a feed that has to read everything again over a loaded
/// snapshot (its checkpoint lost) still leaves the index equal to the read model.
/// </summary>
public sealed class SnapshotCheckpointTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    private static StoredChange Upsert(long sequence, Guid id, string name, long version = 1) => new(sequence, id, version,
        new StoredProduct(id, name, "descripción", 1_000, "COP", "home", null, 1), DateTimeOffset.UnixEpoch);

    private static StoredChange Deleted(long sequence, Guid id, long version) => new(sequence, id, version, null, DateTimeOffset.UnixEpoch);

    private static SearchIndexFollower Follower(SearchIndex index, IChangeFeed feed, IIndexSnapshotStore snapshots) =>
        new(index, feed, Options.Create(new SearchOptions()), NullLogger<SearchIndexFollower>.Instance, snapshots);

    private static List<string> Names(SearchIndex index) => [.. index.Products().Select(p => p.Name).Order()];

    [Fact]
    public async Task WriteSnapshot_FeedStillReadingTheWholeReadModel_WritesNone()
    {
        var feed = new ScriptedFeed([Upsert(1, A, "mesa"), Upsert(2, B, "silla")]) { Scanning = true };
        var snapshots = new Mock<IIndexSnapshotStore>();
        using var index = new SearchIndex();
        var follower = Follower(index, feed, snapshots.Object);
        await follower.CatchUpAsync(CancellationToken.None);

        var written = await follower.WriteSnapshotAsync(CancellationToken.None);

        Assert.Null(written);
        Assert.Equal([2L], feed.CheckpointsAsked);
        snapshots.Verify(
            s => s.SaveAsync(It.IsAny<int>(), It.IsAny<byte[]>(), It.IsAny<Func<Stream, (long, int)>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task WriteSnapshot_KeepsTheFeedsCheckpointForTheIndexPosition()
    {
        var feed = new ScriptedFeed([Upsert(1, A, "mesa"), Upsert(2, B, "silla"), Upsert(3, C, "lámpara")]);
        var snapshots = new MemorySnapshots();
        using var index = new SearchIndex();
        var follower = Follower(index, feed, snapshots);
        await follower.LoadAsync(CancellationToken.None);

        var written = await follower.WriteSnapshotAsync(CancellationToken.None);

        Assert.NotNull(written);
        Assert.Equal((3L, 3), (written.Position, written.Products));
        Assert.Equal(ScriptedFeed.CheckpointAt(3), snapshots.Latest!.Checkpoint);
    }

    [Fact]
    public async Task Load_FromASnapshot_HandsItsCheckpointToTheFeedBeforeReadingOnFromItsPosition()
    {
        var snapshots = new MemorySnapshots();
        using (var running = new SearchIndex())
        {
            var before = Follower(running, new ScriptedFeed([Upsert(1, A, "mesa"), Upsert(2, B, "silla")]), snapshots);
            await before.LoadAsync(CancellationToken.None);
            Assert.NotNull(await before.WriteSnapshotAsync(CancellationToken.None));
        }

        var feed = new ScriptedFeed([Upsert(1, A, "mesa"), Upsert(2, B, "silla"), Upsert(3, B, "silla roble", version: 2), Upsert(4, C, "lámpara")]);
        using var index = new SearchIndex();
        var follower = Follower(index, feed, snapshots);
        await follower.LoadAsync(CancellationToken.None);

        Assert.Equal("snapshot", follower.LoadedFrom);
        Assert.Equal((2L, ScriptedFeed.CheckpointAt(2)), feed.ResumedFrom);
        Assert.Equal(2L, feed.ReadsAfter[0]);
        Assert.Equal(["lámpara", "mesa", "silla roble"], Names(index));
        Assert.Equal(4L, index.Position);
    }

    [Fact]
    public async Task Load_SnapshotWhoseCheckpointIsLost_EverythingReadAgainOverItLeavesExactlyTheReadModel()
    {
        var snapshots = new MemorySnapshots();
        using (var running = new SearchIndex())
        {
            var before = Follower(running, new ScriptedFeed([Upsert(1, A, "mesa"), Upsert(2, B, "silla"), Upsert(3, C, "lámpara")]), snapshots);
            await before.LoadAsync(CancellationToken.None);
            Assert.NotNull(await before.WriteSnapshotAsync(CancellationToken.None));
        }

        // While no process ran: A deleted (a tombstone in the read model), B changed, D added; then
        // the feed cannot resume from the checkpoint, so it hands out the whole read model again,
        // numbered on from the snapshot's position (as MongoDB's feed does when its token is lost).
        var feed = new ScriptedFeed([]);
        feed.OnCheckpointLost = position =>
        [
            Deleted(position + 1, A, 2), Upsert(position + 2, B, "silla azul", version: 2), Upsert(position + 3, C, "lámpara"), Upsert(position + 4, D, "taza"),
        ];
        feed.LoseCheckpoints = true;
        using var index = new SearchIndex();
        var follower = Follower(index, feed, snapshots);
        await follower.LoadAsync(CancellationToken.None);

        Assert.Equal("snapshot", follower.LoadedFrom);
        Assert.Equal(["lámpara", "silla azul", "taza"], Names(index));
        Assert.Equal(3, index.Count);
        Assert.Equal(0, index.Search(new SearchQuery("mesa", null, null, null, null, SearchSort.Relevance, 1, 10)).Total);
        Assert.Equal(7L, index.Position);
    }

    /// <summary>
    /// A feed of fixed changes whose checkpoint for position n is "at n"; it gives none while
    /// <see cref="Scanning"/>, and when told to lose checkpoints it answers a resume with the
    /// whole read model again.
    /// </summary>
    private sealed class ScriptedFeed(List<StoredChange> changes) : IChangeFeed
    {
        public bool Scanning { get; init; }

        public bool LoseCheckpoints { get; set; }

        public Func<long, List<StoredChange>>? OnCheckpointLost { get; set; }

        public List<long> CheckpointsAsked { get; } = [];

        public (long Position, byte[]? Checkpoint)? ResumedFrom { get; private set; }

        public List<long> ReadsAfter { get; } = [];

        public static byte[] CheckpointAt(long position) => System.Text.Encoding.UTF8.GetBytes($"at {position}");

        public Task<IReadOnlyList<StoredChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken)
        {
            ReadsAfter.Add(after);
            return Task.FromResult<IReadOnlyList<StoredChange>>(changes.Where(c => c.Sequence > after).Take(limit).ToList());
        }

        public Task<byte[]?> CheckpointAsync(long position, CancellationToken cancellationToken)
        {
            CheckpointsAsked.Add(position);
            return Task.FromResult(Scanning ? null : CheckpointAt(position));
        }

        public void ResumeFrom(long position, byte[]? checkpoint)
        {
            Assert.Empty(ReadsAfter);
            ResumedFrom = (position, checkpoint);
            if (LoseCheckpoints)
            {
                changes = OnCheckpointLost!(position);
            }
        }
    }

    /// <summary>Snapshots kept in memory, the newest only.</summary>
    private sealed class MemorySnapshots : IIndexSnapshotStore
    {
        private byte[] _bytes = [];

        public IndexSnapshotInfo? Latest { get; private set; }

        public Task<IndexSnapshotInfo?> LatestAsync(int format, CancellationToken cancellationToken) => Task.FromResult(Latest);

        public Task ReadAsync(IndexSnapshotInfo snapshot, Action<Stream> read, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(_bytes, writable: false);
            read(stream);
            return Task.CompletedTask;
        }

        public Task<IndexSnapshotInfo?> SaveAsync(int format, byte[] checkpoint, Func<Stream, (long Position, int Products)> write, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream();
            var (position, products) = write(stream);
            _bytes = stream.ToArray();
            Latest = new IndexSnapshotInfo((Latest?.Id ?? 0) + 1, format, position, products, _bytes.Length, TimeSpan.Zero, checkpoint);
            return Task.FromResult<IndexSnapshotInfo?>(Latest);
        }
    }
}
