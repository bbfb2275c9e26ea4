namespace Covacha.Shared.Money;

/// <summary>
/// Conversions between an amount in major units (what people write: 1200000.50 pesos) and the
/// integer count of minor units it is kept as (120000050 centavos). Both are exact: an amount
/// with more decimals than its currency's exponent is refused, never rounded.
/// </summary>
public static class Money
{
    /// <summary>The amount in minor units, or null when it has more decimals than the currency allows or does not fit.</summary>
    public static long? ToMinor(decimal major, string currency)
    {
        var scaled = major * Pow10(CurrencyExponents.Of(currency));
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return null;
        }

        return (long)scaled;
    }

    /// <summary>The amount in major units with exactly the currency's number of decimals (1200000.00 for COP).</summary>
    public static decimal ToMajor(long minor, string currency)
    {
        var magnitude = minor < 0 ? (ulong)-(minor + 1) + 1 : (ulong)minor;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, minor < 0,
            (byte)CurrencyExponents.Of(currency));
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
