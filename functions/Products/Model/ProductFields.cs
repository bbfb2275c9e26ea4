namespace Covacha.Products.Model;

/// <summary>The client-controlled fields of a product after validation and normalisation.</summary>
public sealed record ProductFields(
    string Name,
    string Description,
    decimal Price,
    string Currency,
    string Category,
    string? ImageUrl,
    int Stock);
