using Covacha.Shared.Events;

namespace Covacha.Search.Model;

/// <summary>
/// One change to apply to the read model: the product at <see cref="Version"/>, or its deletion
/// (<see cref="Product"/> null), which leaves a tombstone at that version.
/// </summary>
public sealed record ProductChange(Guid ProductId, long Version, ProductSnapshot? Product, DateTimeOffset OccurredAt)
{
    public bool IsDelete => Product is null;
}

/// <summary>
/// One entry of the read model's change feed: the product's stored state after change
/// <see cref="Sequence"/> (<see cref="Product"/> null when it is a tombstone).
/// </summary>
public sealed record StoredChange(long Sequence, Guid ProductId, long Version, StoredProduct? Product, DateTimeOffset CreatedAt);
