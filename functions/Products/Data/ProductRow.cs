using Covacha.Shared.Events;
using Covacha.Shared.Money;

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
    long PriceMinor,
    string Currency,
    string Category,
    string? ImageUrl,
    int Stock,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    bool Deleted = false,
    Takedown? Takedown = null)
{
    /// <summary>An admin (or an account deletion) took it down: gone for everyone but its seller and admins.</summary>
    public bool TakenDown => Takedown is not null;

    /// <summary>The price in major units with exactly the currency's decimals.</summary>
    public decimal Price => Money.ToMajor(PriceMinor, Currency);

    /// <summary>The product as the event contract carries it.</summary>
    public ProductSnapshot ToSnapshot() =>
        new(Id, OwnerId, Name, Description, Price, PriceMinor, Currency, Category, ImageUrl, Stock, CreatedAt, UpdatedAt, Version);

    /// <summary>The product as the export (read by Search's reindex) carries it.</summary>
    public ExportItem ToExportItem() =>
        new(Id, OwnerId, Name, Description, Price, PriceMinor, Currency, Category, ImageUrl, Stock, CreatedAt, UpdatedAt, Version, Deleted);
}
