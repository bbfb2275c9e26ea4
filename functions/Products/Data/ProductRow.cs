using Covacha.Shared.Events;

namespace Covacha.Products.Data;

/// <summary>
/// A row of the <c>products</c> table, deleted ones (tombstones) included. Only the store reads
/// and writes it; the API, the events and the export each have their own type, made from it here.
/// </summary>
public sealed record ProductRow(
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
    bool Deleted = false)
{
    /// <summary>The product as the event contract carries it.</summary>
    public ProductSnapshot ToSnapshot() =>
        new(Id, OwnerId, Name, Description, Price, Currency, Category, ImageUrl, Stock, CreatedAt, UpdatedAt, Version);

    /// <summary>The product as the export (read by Search's reindex) carries it.</summary>
    public ExportItem ToExportItem() =>
        new(Id, OwnerId, Name, Description, Price, Currency, Category, ImageUrl, Stock, CreatedAt, UpdatedAt, Version, Deleted);
}
