namespace Covacha.Shared.Events;

/// <summary>
/// The full state of a product at one version, as <see cref="ProductEvent"/> carries it. Part of
/// the event contract: it is not the API's product nor the database row, which may change
/// without changing this.
/// </summary>
public sealed record ProductSnapshot(
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
    long Version);
