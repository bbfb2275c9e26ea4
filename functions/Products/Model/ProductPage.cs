namespace Covacha.Products.Model;

public sealed record ProductPage(IReadOnlyList<ProductDto> Items, string? NextCursor);
