using System.Text.Json;

namespace Covacha.Products.Model;

/// <summary>
/// A product as a client sends it (POST and PUT; PATCH is merged onto the current product in this
/// shape). The read-only members exist only so that sending them is answered with a 400 naming
/// the field instead of being silently ignored.
/// </summary>
public sealed record ProductInput(
    string? Name,
    string? Description,
    decimal? Price,
    string? Currency,
    string? Category,
    string? ImageUrl,
    int? Stock,
    JsonElement? Id = null,
    JsonElement? OwnerId = null,
    JsonElement? Version = null,
    JsonElement? PriceMinor = null,
    JsonElement? CreatedAt = null,
    JsonElement? UpdatedAt = null)
{
    /// <summary>The first read-only member the client sent, by its JSON name.</summary>
    public string? ReadOnlyFieldSent() =>
        Id is not null ? "id"
        : OwnerId is not null ? "ownerId"
        : Version is not null ? "version"
        : PriceMinor is not null ? "priceMinor"
        : CreatedAt is not null ? "createdAt"
        : UpdatedAt is not null ? "updatedAt"
        : null;
}
