using System.Text.Json.Serialization;
using Covacha.Products.Data;

namespace Covacha.Products.Model;

/// <summary>
/// A product as the HTTP API shows it (GET, and the answer to POST, PUT and PATCH); the price in major and minor units.
/// <see cref="Takedown"/> only on a product an admin took down (shown to its seller and admins alone).
/// </summary>
public sealed record ProductDto(
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Takedown? Takedown = null)
{
    public static ProductDto From(ProductRow row) =>
        new(row.Id, row.OwnerId, row.Name, row.Description, row.Price, row.PriceMinor, row.Currency, row.Category, row.ImageUrl,
            row.Stock, row.CreatedAt, row.UpdatedAt, row.Version, row.Takedown);
}
