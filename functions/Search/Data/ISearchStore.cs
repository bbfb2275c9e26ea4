using Covacha.Search.Model;

namespace Covacha.Search.Data;

/// <summary>
/// The read model behind the search endpoints. PostgreSQL and MongoDB both implement it and the
/// same contract suite checks both.
/// </summary>
public interface ISearchStore
{
    /// <summary>Creates what the store needs (indexes, collections); safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies each change whose version is newer than the stored one (deletes leave a tombstone)
    /// and returns how many were applied. Writes are durable when this returns.
    /// </summary>
    Task<int> ApplyAsync(IReadOnlyList<ProductChange> changes, CancellationToken cancellationToken);

    Task<StoreSearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> product names whose words start with the typed words.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken);

    /// <summary>True when the failure is the store being unreachable (retry), not the data.</summary>
    bool IsTransient(Exception exception);
}
