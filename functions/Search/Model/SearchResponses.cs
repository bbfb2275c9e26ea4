namespace Covacha.Search.Model;

public sealed record SearchResponse(long Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items, SearchFacets Facets);

public sealed record SearchItem(
    Guid Id, string Name, string Snippet, decimal Price, string Currency, string Category, string? ImageUrl, int Stock);

public sealed record SearchFacets(IReadOnlyDictionary<string, long> Category);

public sealed record SuggestResponse(IReadOnlyList<Suggestion> Suggestions);

public sealed record Suggestion(Guid Id, string Name);

/// <summary>What a store found: the page of products (with their descriptions, for snippets), the total and the facets.</summary>
public sealed record StoreSearchResult(long Total, IReadOnlyList<StoredProduct> Items, IReadOnlyDictionary<string, long> CategoryCounts);

public sealed record StoredProduct(
    Guid Id, string Name, string Description, decimal Price, string Currency, string Category, string? ImageUrl, int Stock);
