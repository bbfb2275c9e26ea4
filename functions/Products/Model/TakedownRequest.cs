namespace Covacha.Products.Model;

/// <summary>An admin's takedown of a product: why, as the seller will read it.</summary>
public sealed record TakedownRequest(string? Reason);
