using System.ComponentModel.DataAnnotations;

namespace Covacha.Shared.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Port of the Prometheus scrape endpoint (<c>/metrics</c>); 0 turns it off.</summary>
    [Range(0, 65535)]
    public int PrometheusPort { get; set; } = 9464;
}
