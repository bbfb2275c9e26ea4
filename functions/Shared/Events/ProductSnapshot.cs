namespace Covacha.Shared.Events;

/// <summary>
/// The full state of a product at one version, as <see cref="ProductEvent"/> carries it. Part of
/// the event contract: it is not the API's product nor the database row, which may change
/// without changing this.
/// The amount is <see cref="PriceMinor"/>, an integer count of the currency's minor units (ISO 4217
/// exponent: 120000000 with COP is $ 1.200.000); <see cref="Price"/> is the same amount in major
/// units with exactly the exponent's decimals, kept for readers built before minor units (an added
/// member, so schema version 1 still). Readers derive <c>priceMinor</c> from <c>price</c> when absent.
/// </summary>
public sealed record ProductSnapshot(
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
    long Version);
