namespace Covacha.Search.Model;

/// <summary>
/// A validated search request. Prices are in minor units of <see cref="Currency"/>; when
/// <see cref="Currency"/> is set only products priced in it match, which is how a price filter
/// or a price sort never mixes currencies.
/// </summary>
public sealed record SearchQuery(
    string Text,
    string? Category,
    long? MinPriceMinor,
    long? MaxPriceMinor,
    bool? InStock,
    SearchSort Sort,
    int Page,
    int PageSize,
    string? Currency = null)
{
    public const int MaxPageSize = 50;
    public const int MaxTextLength = 200;

    /// <summary>Results beyond this position are not served (like a search engine's result window).</summary>
    public const int MaxResultWindow = 1_000;

    public int Offset => (Page - 1) * PageSize;
}

public enum SearchSort
{
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
}
