namespace Covacha.Shared.Events;

/// <summary>The full state of a product at one version, as carried by events and the export.</summary>
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
