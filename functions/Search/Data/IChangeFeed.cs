using Covacha.Search.Model;

namespace Covacha.Search.Data;

/// <summary>
/// The read model's writes in the order they committed, each row as it is now. Followers keep
/// the sequence number of the last change they applied and ask for what came after it.
/// </summary>
public interface IChangeFeed
{
    Task<IReadOnlyList<StoredChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken);
}
