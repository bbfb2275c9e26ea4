namespace Covacha.Products.Model;

/// <summary>
/// A currency products may be priced in: its ISO 4217 code, exponent (decimals of its minor
/// unit), the highest price accepted in major units, and whether it is the catalogue's default.
/// </summary>
public sealed record CurrencyInfo(string Code, int Exponent, decimal MaxPrice, bool Default);
