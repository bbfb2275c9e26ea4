using Covacha.Search.Data;
using Covacha.Search.Model;

namespace Covacha.Search.Index;

/// <summary>
/// The store with this process's in-memory index in front of it: writes go to the store (and
/// then catch the index up), searches and suggestions are answered from the index once it is
/// loaded, and from the store until then.
/// </summary>
public sealed class IndexedSearchStore(ISearchStore store, SearchIndex index, SearchIndexFollower follower) : ISearchStore
{
    public Task InitializeAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public async Task<int> ApplyAsync(IReadOnlyList<ProductChange> changes, CancellationToken cancellationToken)
    {
        var applied = await store.ApplyAsync(changes, cancellationToken);
        await follower.CatchUpAsync(cancellationToken);
        return applied;
    }

    public Task<StoreSearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        follower.IsLoaded ? Task.FromResult(index.Search(query)) : store.SearchAsync(query, cancellationToken);

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken) =>
        follower.IsLoaded ? Task.FromResult(index.Suggest(text, limit)) : store.SuggestAsync(text, limit, cancellationToken);

    public bool IsTransient(Exception exception) => store.IsTransient(exception);
}
