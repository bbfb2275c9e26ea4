using Covacha.Deploy.Tests.Support;
using Covacha.DevHost;
using k8s.Models;

namespace Covacha.Deploy.Tests;

/// <summary>Application Gateway reaches every app on one host, through Services and ports that exist.</summary>
public sealed class IngressTests
{
    private const string Prefix = "appgw.ingress.kubernetes.io/";

    private static List<V1Ingress> Ingresses(RenderedOverlay overlay) =>
        overlay.OfKind("Ingress").Select(m => m.As<V1Ingress>()).ToList();

    [Fact]
    public void Ingresses_ServeOneHost_WithTheFourPrefixes()
    {
        var ingresses = Ingresses(RenderedOverlay.Aks);

        Assert.All(ingresses, i => Assert.Equal("azure-application-gateway", i.Spec.IngressClassName));
        Assert.Single(ingresses.SelectMany(i => i.Spec.Rules).Select(r => r.Host).Distinct());
        var paths = ingresses.SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths).Select(p => p.Path).Order(StringComparer.Ordinal);
        Assert.Equal(["/", "/api/auth", "/api/products", "/api/search"], paths);
        Assert.All(ingresses, i => Assert.Single(i.Spec.Rules));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void EveryIngressPath_ReachesAServicePortThatSelectsAReadyContainerPort(string name)
    {
        var overlay = RenderedOverlay.Get(name);
        foreach (var ingress in Ingresses(overlay))
        {
            foreach (var path in ingress.Spec.Rules.SelectMany(r => r.Http.Paths))
            {
                var backend = path.Backend.Service;
                var (deployment, container, containerPort) = Backend(overlay, backend);
                Assert.True(deployment is not null, $"{ingress.Metadata.Name} {path.Path}: service {backend.Name} selects no Deployment");
                Assert.True(containerPort is not null, $"{ingress.Metadata.Name} {path.Path}: {backend.Name} port does not reach a container port");
                Assert.NotNull(container!.ReadinessProbe);
            }
        }
    }

    [Fact]
    public void HealthProbeAnnotations_MatchTheBackendsReadinessProbe()
    {
        var overlay = RenderedOverlay.Aks;
        foreach (var ingress in Ingresses(overlay))
        {
            var annotations = ingress.Metadata.Annotations;
            var path = Assert.Single(Assert.Single(ingress.Spec.Rules).Http.Paths);
            var (deployment, container, containerPort) = Backend(overlay, path.Backend.Service);
            var readiness = container!.ReadinessProbe!;
            var where = ingress.Metadata.Name;

            Assert.Equal(readiness.HttpGet.Path, annotations[Prefix + "health-probe-path"]);
            Assert.Equal(ProbeTests.PortNumber(container, readiness.HttpGet.Port).ToString(System.Globalization.CultureInfo.InvariantCulture), annotations[Prefix + "health-probe-port"]);
            Assert.Equal(containerPort!.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations[Prefix + "health-probe-port"]);
            Assert.Equal((readiness.PeriodSeconds ?? 10).ToString(System.Globalization.CultureInfo.InvariantCulture), annotations[Prefix + "health-probe-interval"]);
            Assert.Equal((readiness.TimeoutSeconds ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture), annotations[Prefix + "health-probe-timeout"]);
            Assert.Equal((readiness.FailureThreshold ?? 3).ToString(System.Globalization.CultureInfo.InvariantCulture), annotations[Prefix + "health-probe-unhealthy-threshold"]);
            Assert.Equal("200", annotations[Prefix + "health-probe-status-codes"]);

            Assert.Equal("true", annotations[Prefix + "connection-draining"]);
            var draining = int.Parse(annotations[Prefix + "connection-draining-timeout"], System.Globalization.CultureInfo.InvariantCulture);
            var pod = deployment!.Spec.Template.Spec;
            Assert.True(draining <= container.Lifecycle.PreStop.Sleep.Seconds, $"{where}: draining {draining} s outlasts the preStop sleep");
            Assert.True(draining < pod.TerminationGracePeriodSeconds, $"{where}: draining {draining} s outlasts the grace period");
        }
    }

    [Fact]
    public void Ingresses_RedirectHttpToHttps_WithTheKeyVaultCertificate()
    {
        var overlay = RenderedOverlay.Aks;
        foreach (var ingress in Ingresses(overlay))
        {
            Assert.Equal("true", ingress.Metadata.Annotations[Prefix + "ssl-redirect"]);
            var secret = Assert.Single(ingress.Spec.Tls).SecretName;
            var synced = overlay.OfKind("SecretProviderClass")
                .SelectMany(s => s.Root.Path("spec").Seq("secretObjects").Maps())
                .Single(s => s.Str("secretName") == secret);
            Assert.Equal("kubernetes.io/tls", synced.Str("type"));
            Assert.Equal(["tls.crt", "tls.key"], synced.Seq("data").Maps().Select(d => d.Str("key")!).Order(StringComparer.Ordinal));
        }

        // The Secret is synced only while a pod mounts its class.
        var tlsClass = overlay.OfKind("SecretProviderClass").Single(s =>
            s.Root.Path("spec").Seq("secretObjects").Maps().Any(o => o.Str("type") == "kubernetes.io/tls")).Name;
        Assert.Contains(overlay.Deployments, d => (d.Spec.Template.Spec.Volumes ?? []).Any(v =>
            v.Csi?.VolumeAttributes?["secretProviderClass"] == tlsClass));
    }

    [Fact]
    public void EveryApiRoute_IsRoutedToTheDeploymentOfItsApp()
    {
        var overlay = RenderedOverlay.Aks;
        var paths = Ingresses(overlay).SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths).ToList();
        foreach (var app in CovachaApps.Create())
        {
            foreach (var route in app.Routes)
            {
                var path = route.PathTemplate("api");
                var match = paths.Where(p => path == p.Path || path.StartsWith(p.Path.TrimEnd('/') + "/", StringComparison.Ordinal))
                    .MaxBy(p => p.Path.Length)!;
                var (deployment, _, _) = Backend(overlay, match.Backend.Service);
                Assert.True(Workloads.Apps[deployment!.Metadata.Name] == app.Name,
                    $"{path} goes to {deployment.Metadata.Name}, not to the {app.Name} app");
            }
        }
    }

    private static (V1Deployment? Deployment, V1Container? Container, V1ContainerPort? Port) Backend(
        RenderedOverlay overlay, V1IngressServiceBackend backend)
    {
        if (!overlay.Has("Service", backend.Name))
        {
            return (null, null, null);
        }

        var service = overlay.Service(backend.Name);
        var servicePort = service.Spec.Ports.SingleOrDefault(p =>
            backend.Port.Name is { } name ? p.Name == name : p.Port == backend.Port.Number);
        if (servicePort is null)
        {
            return (null, null, null);
        }

        var deployment = overlay.Deployments.SingleOrDefault(d =>
            service.Spec.Selector.All(s => d.Spec.Template.Metadata.Labels.TryGetValue(s.Key, out var v) && v == s.Value));
        if (deployment is null)
        {
            return (null, null, null);
        }

        var target = servicePort.TargetPort?.ToString() ?? servicePort.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var container in deployment.Spec.Template.Spec.Containers)
        {
            var port = (container.Ports ?? []).FirstOrDefault(p =>
                p.Name == target || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
            if (port is not null)
            {
                return (deployment, container, port);
            }
        }

        return (deployment, deployment.Spec.Template.Spec.Containers[0], null);
    }
}
