using System.Collections.Frozen;

namespace Covacha.Shared.Money;

/// <summary>
/// ISO 4217 minor-unit exponents: how many decimals an amount in a currency may carry (COP 2,
/// JPY 0, KWD 3). Codes not listed as exceptions use 2, as most of the standard's list does.
/// </summary>
public static class CurrencyExponents
{
    private static readonly FrozenDictionary<string, int> s_exceptions = new Dictionary<string, int>
    {
        // No minor unit.
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["XPF"] = 0,
        // Thousandths.
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        // Ten-thousandths.
        ["CLF"] = 4, ["UYW"] = 4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    public static int Of(string code) => s_exceptions.TryGetValue(code, out var exponent) ? exponent : 2;
}
