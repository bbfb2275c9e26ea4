namespace Covacha.Search.Model;

/// <summary>One page of Products' export: every product, deleted ones included, in a stable order.</summary>
public sealed record ExportPage(IReadOnlyList<ExportItem> Items, string? Next);

/// <summary>A product as exported: its snapshot fields and whether it is deleted.</summary>
public sealed record ExportItem(
    Guid Id,
    Guid OwnerId,
    string? Name,
    string? Description,
    decimal Price,
    string? Currency,
    string? Category,
    string? ImageUrl,
    int Stock,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    bool Deleted);
