using Covacha.Deploy.Tests.Support;
using Covacha.DevHost;
using k8s.Models;

namespace Covacha.Deploy.Tests;

/// <summary>Probes point at routes the apps really serve, and at the right ones.</summary>
public sealed class ProbeTests
{
    private static readonly Lazy<HashSet<string>> GetPaths = new(() =>
        CovachaApps.Create()
            .SelectMany(a => a.Routes)
            .Where(r => r.Methods.Contains("GET"))
            .Select(r => r.PathTemplate("api"))
            .ToHashSet(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Workloads.FunctionsDeployments), MemberType = typeof(Workloads))]
    public void FunctionsDeployment_ProbesAreGetRoutesOfItsApp(string name)
    {
        var app = Workloads.Apps[name]!;
        var container = Assert.Single(RenderedOverlay.Aks.Deployment(name).Spec.Template.Spec.Containers);

        Assert.Equal($"/api/{app}/health/ready", container.ReadinessProbe?.HttpGet?.Path);
        Assert.Equal($"/api/{app}/health/live", container.LivenessProbe?.HttpGet?.Path);
        Assert.Equal($"/api/{app}/health/live", container.StartupProbe?.HttpGet?.Path);
        foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe })
        {
            Assert.Contains(probe!.HttpGet.Path, GetPaths.Value);
            Assert.Equal(8080, PortNumber(container, probe.HttpGet.Port));
        }
    }

    [Theory]
    [MemberData(nameof(Workloads.Deployments), MemberType = typeof(Workloads))]
    public void StartupProbe_AllowsAColdStartOfAtLeastOneMinute(string name)
    {
        var container = Assert.Single(RenderedOverlay.Aks.Deployment(name).Spec.Template.Spec.Containers);
        var startup = container.StartupProbe;

        Assert.NotNull(startup);
        Assert.True((startup.PeriodSeconds ?? 10) * (startup.FailureThreshold ?? 3) >= 60, $"{name}: startup probe budget under 60 s");
        Assert.NotNull(container.LivenessProbe);
        Assert.NotNull(container.ReadinessProbe);
    }

    [Fact]
    public void FrontendProbes_UseTheHealthLocationOfItsNginx()
    {
        var container = Assert.Single(RenderedOverlay.Aks.Deployment("frontend").Spec.Template.Spec.Containers);
        var nginx = Repository.Read("frontend", "nginx.conf");

        foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe })
        {
            Assert.Contains($"location = {probe!.HttpGet.Path} {{", nginx, StringComparison.Ordinal);
            Assert.Equal(8080, PortNumber(container, probe.HttpGet.Port));
        }
    }

    [Fact]
    public void RouteTable_IsNotEmpty_SoTheProbeCheckCanFail()
    {
        Assert.Contains("/api/auth/health/ready", GetPaths.Value);
        Assert.DoesNotContain("/api/auth/health/readiness", GetPaths.Value);
    }

    internal static int PortNumber(V1Container container, IntOrString port)
    {
        var text = port.ToString()!;
        return int.TryParse(text, out var number)
            ? number
            : (container.Ports ?? []).Single(p => p.Name == text).ContainerPort;
    }
}
