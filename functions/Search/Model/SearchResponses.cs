namespace Covacha.Search.Model;

/// <summary>
/// One page of results. <see cref="Currency"/> is the currency the price filter and price sort
/// applied to (null when neither was used); <see cref="Currencies"/> lists the catalogue's, default first.
/// </summary>
public sealed record SearchResponse(
    long Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items, SearchFacets Facets, string? Currency, IReadOnlyList<string> Currencies);

public sealed record SearchItem(
    Guid Id, string Name, string Snippet, decimal Price, string Currency, string Category, string? ImageUrl, int Stock);

public sealed record SearchFacets(IReadOnlyDictionary<string, long> Category);

public sealed record SuggestResponse(IReadOnlyList<Suggestion> Suggestions);

public sealed record Suggestion(Guid Id, string Name);

/// <summary>What a store found: the page of products (with their descriptions, for snippets), the total and the facets.</summary>
public sealed record StoreSearchResult(long Total, IReadOnlyList<StoredProduct> Items, IReadOnlyDictionary<string, long> CategoryCounts);

/// <summary>A product as the read model keeps it: the price in minor units of its currency.</summary>
public sealed record StoredProduct(
    Guid Id, string Name, string Description, long PriceMinor, string Currency, string Category, string? ImageUrl, int Stock)
{
    /// <summary>The price in major units with exactly the currency's decimals.</summary>
    public decimal Price => Covacha.Shared.Money.Money.ToMajor(PriceMinor, Currency);
}
