namespace Covacha.Shared.Events;

/// <summary>
/// A page of Products' export (<c>GET /api/products/export</c>), which Search's reindex reads:
/// every product, deleted ones included, in a stable order. <c>nextCursor</c> is the <c>cursor</c>
/// for the following page, null at the end (the paging every list of the API uses). <c>next</c>
/// holds the same value for readers of the older vocabulary (<c>after</c>/<c>next</c>), such as a
/// Search replica of the previous release during a rolling deployment.
/// </summary>
public sealed record ExportPage(IReadOnlyList<ExportItem> Items, string? NextCursor, string? Next);

/// <summary>One product in the export: its last state and version, and whether it was deleted (amounts as in <see cref="ProductSnapshot"/>).</summary>
public sealed record ExportItem(
    Guid Id,
    Guid OwnerId,
    string Name,
    string Description,
    decimal Price,
    long PriceMinor,
    string Currency,
    string Category,
    string? ImageUrl,
    int Stock,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    bool Deleted);
