namespace Covacha.Products.Model;

/// <summary>The client-controlled fields of a product after validation and normalisation (the price in minor units of its currency).</summary>
public sealed record ProductFields(
    string Name,
    string Description,
    long PriceMinor,
    string Currency,
    string Category,
    string? ImageUrl,
    int Stock);
