namespace Covacha.Shared.Events;

/// <summary>
/// What Products publishes on every change. <see cref="Version"/> grows by one per change of
/// the product, so a consumer can drop duplicates and out-of-order deliveries. Deletes carry no
/// snapshot.
/// </summary>
public sealed record ProductEvent(
    Guid EventId,
    string Type,
    Guid ProductId,
    long Version,
    DateTimeOffset OccurredAt,
    ProductSnapshot? Product);
