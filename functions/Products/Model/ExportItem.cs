namespace Covacha.Products.Model;

/// <summary>One product in the export: its last state and version, and whether it was deleted.</summary>
public sealed record ExportItem(
    Guid Id,
    Guid OwnerId,
    string Name,
    string Description,
    decimal Price,
    string Currency,
    string Category,
    string? ImageUrl,
    int Stock,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    bool Deleted);
