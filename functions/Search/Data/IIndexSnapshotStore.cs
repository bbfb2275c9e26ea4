namespace Covacha.Search.Data;

/// <summary>
/// Where snapshots of the in-memory index are kept, beside the read model whose change feed they
/// cover, so every search-api replica can start from the latest one.
/// </summary>
public interface IIndexSnapshotStore
{
    /// <summary>The newest snapshot written in <paramref name="format"/>, or null when there is none.</summary>
    Task<IndexSnapshotInfo?> LatestAsync(int format, CancellationToken cancellationToken);

    /// <summary>Streams the snapshot's bytes, in order, to <paramref name="read"/> (which runs synchronously on the calling thread).</summary>
    Task ReadAsync(IndexSnapshotInfo snapshot, Action<Stream> read, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps what <paramref name="write"/> writes as the newest snapshot of <paramref name="format"/>,
    /// with the change feed's <paramref name="checkpoint"/> for its position, and drops the older
    /// ones, all or nothing. False, and nothing written, when another process is writing one at the
    /// same time. <paramref name="write"/> returns the feed position and product count of what it wrote.
    /// </summary>
    Task<IndexSnapshotInfo?> SaveAsync(int format, byte[] checkpoint, Func<Stream, (long Position, int Products)> write, CancellationToken cancellationToken);
}

/// <summary>
/// A stored snapshot: the change-feed position it covers, its size, how long ago it was written,
/// and what the feed needs to read on from its position (<see cref="IChangeFeed.CheckpointAsync"/>;
/// null for snapshots written before checkpoints were kept).
/// </summary>
public sealed record IndexSnapshotInfo(long Id, int Format, long Position, int Products, long Bytes, TimeSpan Age, byte[]? Checkpoint);
