namespace Covacha.Products.Model;

/// <summary>How many live products of the owner were taken down by this call (0 when repeated).</summary>
public sealed record TakedownResult(int TakenDown);
