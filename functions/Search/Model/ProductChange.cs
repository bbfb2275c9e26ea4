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
