using System.ComponentModel.DataAnnotations;
using Covacha.Shared.Pipeline;
using Covacha.Shared.Money;

namespace Covacha.Products.Model;

/// <summary>Settings under <c>Products</c>.</summary>
public sealed class ProductsOptions : IServiceKeySource
{
    public const string Section = "Products";
    public const string DefaultCurrency = "COP";

    private static readonly string[] s_defaultCurrencies = [DefaultCurrency];

    /// <summary>
    /// Highest price per currency, in major units, when configuration names none: enough for a car
    /// or a flat in pesos (COP 2.000.000.000 is about US$ 500,000), not for a typo of extra zeros.
    /// </summary>
    private static readonly Dictionary<string, decimal> s_defaultMaxPrices = new(StringComparer.Ordinal)
    {
        ["COP"] = 2_000_000_000m,
        ["USD"] = 500_000m,
        ["EUR"] = 500_000m,
        ["MXN"] = 10_000_000m,
    };

    /// <summary>The shared secret the Search service sends in <c>X-Covacha-Service-Key</c> to read the export.</summary>
    [MinLength(16)]
    public string? ServiceKey { get; set; }

    /// <summary>
    /// ISO 4217 codes a product may be priced in, the catalogue's default first; COP alone when
    /// unset (other currencies are opt-in, and Search must be given the same list).
    /// </summary>
    public string[]? Currencies { get; set; }

    /// <summary>Highest price per currency in major units (<c>Products:MaxPrices:COP</c>); built-in defaults for COP, USD, EUR and MXN.</summary>
    public Dictionary<string, decimal> MaxPrices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long sent outbox rows are kept (for diagnosis) before they are pruned.</summary>
    [Range(1, 24 * 30)]
    public int OutboxRetentionHours { get; set; } = 24;

    /// <summary>Readiness fails once the broker has been unreachable for longer than this.</summary>
    [Range(1, 3600)]
    public int BrokerUnreachableSeconds { get; set; } = 60;

    /// <summary>Creates one user may make per <see cref="CreateWindowSeconds"/>; more answer 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int CreatesPerUser { get; set; } = 60;

    [Range(1, 24 * 3600)]
    public int CreateWindowSeconds { get; set; } = 600;

    public IReadOnlyList<string> EffectiveCurrencies =>
        Currencies is { Length: > 0 } configured ? configured : s_defaultCurrencies;

    /// <summary>The first configured code (COP when unset).</summary>
    public string EffectiveDefaultCurrency => EffectiveCurrencies[0];

    /// <summary>The configured or built-in highest price for <paramref name="currency"/>, if any.</summary>
    public decimal? MaxPrice(string currency) =>
        MaxPrices.TryGetValue(currency, out var configured) ? configured
        : s_defaultMaxPrices.TryGetValue(currency, out var builtIn) ? builtIn
        : null;

    /// <summary>Why the currency settings cannot be used, or null.</summary>
    public string? CurrencyProblem()
    {
        if (EffectiveCurrencies.FirstOrDefault(c => !CurrencyExponents.IsCode(c)) is { } bad)
        {
            return $"must be ISO 4217 codes ('{bad}' is not)";
        }

        if (EffectiveCurrencies.FirstOrDefault(c => MaxPrice(c) is null) is { } unlimited)
        {
            return $"lists {unlimited}, which needs {Section}:MaxPrices:{unlimited}";
        }

        return EffectiveCurrencies.FirstOrDefault(c => MaxPrice(c) <= 0) is { } zero
            ? $"lists {zero}, whose {Section}:MaxPrices:{zero} must be above 0"
            : null;
    }

    /// <summary>What a client needs to price a product: every accepted currency with its exponent and limit.</summary>
    public IReadOnlyList<CurrencyInfo> Describe() =>
        [.. EffectiveCurrencies.Select((c, i) => new CurrencyInfo(c, CurrencyExponents.Of(c), MaxPrice(c)!.Value, i == 0))];
}
