using Covacha.Search.Model;

namespace Covacha.Search.Data;

/// <summary>
/// The read model's writes in the order they committed, each row as it is now. Followers keep
/// the sequence number of the last change they applied and ask for what came after it.
/// </summary>
public interface IChangeFeed
{
    Task<IReadOnlyList<StoredChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// What another process needs, with an index snapshot taken at <paramref name="position"/>,
    /// to read on from there (opaque to everyone but the feed): stored with the snapshot. Null
    /// when this feed cannot give one now (it is still reading the whole read model, or it is not
    /// at that position), and then no snapshot is written.
    /// </summary>
    Task<byte[]?> CheckpointAsync(long position, CancellationToken cancellationToken);

    /// <summary>
    /// Goes on after a snapshot loaded up to <paramref name="position"/>: the next read after
    /// <paramref name="position"/> continues from <paramref name="checkpoint"/>. A checkpoint the
    /// feed cannot use (none, damaged, or too old for it) makes it read the whole read model
    /// again, numbered on from <paramref name="position"/>; applied over the snapshot, that still
    /// ends in exactly the read model's state (deleted products are tombstones in it).
    /// </summary>
    void ResumeFrom(long position, byte[]? checkpoint);
}
