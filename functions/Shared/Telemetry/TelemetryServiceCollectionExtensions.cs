using Azure.Monitor.OpenTelemetry.AspNetCore;
using Covacha.Shared.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Covacha.Shared.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces, metrics and logs for one app: ASP.NET Core, HttpClient, Npgsql and the app's own
    /// meters and activity sources. Exported to Azure Monitor when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and scraped by Prometheus on
    /// <c>Telemetry:PrometheusPort</c>.
    /// </summary>
    public static IServiceCollection AddCovachaTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, params string[] sources)
    {
        services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.Section);
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(sources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m =>
            {
                m.AddMeter(sources)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentationIfPresent();
                if (options.PrometheusPort > 0)
                {
                    m.AddPrometheusHttpListener(p =>
                    {
                        p.Port = options.PrometheusPort;
                        p.ScrapeEndpointPath = "/metrics";

                        // Prometheus scrapes the pod IP, so listen on every address, not just localhost.
                        p.ConfigureHttpListener = (_, listener) =>
                        {
                            listener.Prefixes.Clear();
                            listener.Prefixes.Add($"http://*:{options.PrometheusPort}/");
                        };
                    });
                }
            });

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            otel.UseAzureMonitor(o => o.ConnectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        }

        return services;
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime");
}
