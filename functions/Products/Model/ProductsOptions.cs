using System.ComponentModel.DataAnnotations;
using Covacha.Shared.Pipeline;

namespace Covacha.Products.Model;

/// <summary>Settings under <c>Products</c>.</summary>
public sealed class ProductsOptions : IServiceKeySource
{
    public const string Section = "Products";
    public const string DefaultCurrency = "COP";

    private static readonly string[] s_defaultCurrencies = ["COP", "USD", "EUR", "MXN"];

    /// <summary>The shared secret the Search service sends in <c>X-Covacha-Service-Key</c> to read the export.</summary>
    [MinLength(16)]
    public string? ServiceKey { get; set; }

    /// <summary>ISO 4217 codes a product may be priced in; the default list when unset.</summary>
    public string[]? Currencies { get; set; }

    /// <summary>How long sent outbox rows are kept (for diagnosis) before they are pruned.</summary>
    [Range(1, 24 * 30)]
    public int OutboxRetentionHours { get; set; } = 24;

    /// <summary>Readiness fails once the broker has been unreachable for longer than this.</summary>
    [Range(1, 3600)]
    public int BrokerUnreachableSeconds { get; set; } = 60;

    public IReadOnlyList<string> EffectiveCurrencies =>
        Currencies is { Length: > 0 } configured ? configured : s_defaultCurrencies;

    /// <summary>COP unless the configured list lacks it, then the first configured code.</summary>
    public string EffectiveDefaultCurrency =>
        EffectiveCurrencies.Contains(DefaultCurrency) ? DefaultCurrency : EffectiveCurrencies[0];
}
