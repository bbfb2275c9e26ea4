namespace Covacha.Search.Model;

/// <summary>A validated search request.</summary>
public sealed record SearchQuery(
    string Text,
    string? Category,
    decimal? MinPrice,
    decimal? MaxPrice,
    bool? InStock,
    SearchSort Sort,
    int Page,
    int PageSize)
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
