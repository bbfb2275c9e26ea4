using Covacha.Deploy.Tests.Support;
using k8s.Models;

namespace Covacha.Deploy.Tests;

/// <summary>The restricted Pod Security Standard and the resource rules, for every pod the manifests create.</summary>
public sealed class WorkloadSecurityTests
{
    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void EveryPod_IsRestricted_AndDoesNotMountTheServiceAccountToken(string overlay)
    {
        var templates = RenderedOverlay.Get(overlay).PodTemplates().ToList();
        Assert.NotEmpty(templates);
        foreach (var (owner, template) in templates)
        {
            var pod = template.Spec;
            Assert.True(pod.AutomountServiceAccountToken == false, $"{owner}: automountServiceAccountToken must be false");
            Assert.True(pod.SecurityContext?.RunAsNonRoot == true, $"{owner}: runAsNonRoot");
            Assert.True(pod.SecurityContext?.RunAsUser is > 0, $"{owner}: a non-zero runAsUser");
            Assert.Equal("RuntimeDefault", pod.SecurityContext?.SeccompProfile?.Type);
            Assert.True(pod.HostNetwork != true && pod.HostPID != true && pod.HostIPC != true, $"{owner}: no host namespaces");
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var where = $"{owner} container {container.Name}";
                var security = container.SecurityContext;
                Assert.True(security is not null, $"{where}: securityContext");
                Assert.True(security!.AllowPrivilegeEscalation == false, $"{where}: allowPrivilegeEscalation false");
                Assert.True(security.Privileged != true, $"{where}: not privileged");
                Assert.True(security.ReadOnlyRootFilesystem == true, $"{where}: readOnlyRootFilesystem");
                Assert.Equal(["ALL"], security.Capabilities?.Drop ?? []);
                Assert.True(security.Capabilities?.Add is null or { Count: 0 }, $"{where}: adds no capability");
                Assert.True(security.RunAsUser is null or > 0, $"{where}: not root");
                Assert.True(container.Ports?.All(p => p.HostPort is null) ?? true, $"{where}: no hostPort");
            }

            foreach (var volume in pod.Volumes ?? [])
            {
                Assert.True(volume.HostPath is null, $"{owner}: no hostPath volume ({volume.Name})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void EveryContainer_HasRequestsAndLimits_WithMemoryLimitEqualToRequest(string overlay)
    {
        foreach (var (owner, template) in RenderedOverlay.Get(overlay).PodTemplates())
        {
            foreach (var container in template.Spec.Containers.Concat(template.Spec.InitContainers ?? []))
            {
                var where = $"{owner} container {container.Name}";
                var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
                var limits = container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
                Assert.True(requests.ContainsKey("cpu") && requests.ContainsKey("memory"), $"{where}: cpu and memory requests");
                Assert.True(limits.ContainsKey("memory") && limits.ContainsKey("cpu"), $"{where}: cpu and memory limits");
                Assert.True(requests["memory"].ToDecimal() == limits["memory"].ToDecimal(),
                    $"{where}: memory limit {limits["memory"]} must equal the request {requests["memory"]}");
                Assert.True(limits["cpu"].ToDecimal() >= requests["cpu"].ToDecimal(), $"{where}: cpu limit below request");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void EveryReadOnlyContainer_HasAWritableTmp(string overlay)
    {
        foreach (var (owner, template) in RenderedOverlay.Get(overlay).PodTemplates())
        {
            var emptyDirs = (template.Spec.Volumes ?? []).Where(v => v.EmptyDir is not null).Select(v => v.Name).ToHashSet();
            foreach (var container in template.Spec.Containers)
            {
                Assert.True(
                    (container.VolumeMounts ?? []).Any(m => m.MountPath == "/tmp" && emptyDirs.Contains(m.Name)),
                    $"{owner} container {container.Name}: /tmp must be an emptyDir on a read-only root file system");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Workloads.Deployments), MemberType = typeof(Workloads))]
    public void Deployment_DrainsBeforeItStops_AndSpreadsAcrossZones(string name)
    {
        var deployment = RenderedOverlay.Aks.Deployment(name);
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        var sleep = container.Lifecycle?.PreStop?.Sleep?.Seconds;
        Assert.True(sleep is > 0, $"{name}: preStop sleep");
        Assert.True(sleep < pod.TerminationGracePeriodSeconds, $"{name}: preStop sleep {sleep} s must be shorter than the grace period {pod.TerminationGracePeriodSeconds} s");
        Assert.Contains(pod.TopologySpreadConstraints ?? [], c =>
            c.TopologyKey == "topology.kubernetes.io/zone"
            && c.LabelSelector?.MatchLabels?["app.kubernetes.io/name"] == name);
        Assert.True(deployment.Spec.Strategy?.RollingUpdate?.MaxUnavailable?.ToString() == "0", $"{name}: rolling updates keep every replica serving");
    }

    [Fact]
    public void Namespace_EnforcesTheRestrictedPodSecurityStandard()
    {
        var overlay = RenderedOverlay.Aks;
        var ns = overlay.One("Namespace", "covacha").As<V1Namespace>();

        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.All(overlay.Manifests.Where(m => m.Kind is not ("Namespace" or "StorageClass")),
            m => Assert.True(m.Namespace == "covacha", $"{m} is in namespace '{m.Namespace}', not covacha"));
    }
}
