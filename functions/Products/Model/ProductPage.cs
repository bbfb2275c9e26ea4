using Covacha.Shared.Events;

namespace Covacha.Products.Model;

public sealed record ProductPage(IReadOnlyList<ProductSnapshot> Items, string? NextCursor);
