using System.Net;
using System.Net.Sockets;
using Covacha.Auth.Security;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Covacha.Auth.Tests.Unit;

public sealed class AuthMetricsTests
{
    [Fact]
    public async Task Login_ScrapedByPrometheusExporter_NamedAsInContract()
    {
        var port = FreePort();
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(AuthMetrics.MeterName)
            .AddPrometheusHttpListener(p =>
            {
                p.Host = "127.0.0.1";
                p.Port = port;
                p.ScrapeEndpointPath = "/metrics";
            }));
        await using var provider = services.BuildServiceProvider();
        var meterProvider = provider.GetRequiredService<MeterProvider>();
        var metrics = new AuthMetrics(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

        metrics.Login(LoginOutcome.Success);
        metrics.Login(LoginOutcome.Throttled);
        using var client = new HttpClient();
        var text = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Contains("covacha_auth_logins_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"success\"", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"throttled\"", text, StringComparison.Ordinal);
        GC.KeepAlive(meterProvider);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
