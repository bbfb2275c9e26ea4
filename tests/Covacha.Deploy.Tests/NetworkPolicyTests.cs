using Covacha.Deploy.Tests.Support;
using k8s.Models;

namespace Covacha.Deploy.Tests;

/// <summary>Default deny, then only the paths each workload needs (evaluated over the rendered policies).</summary>
public sealed class NetworkPolicyTests
{
    /// <summary>An address in Terraform's default gateway subnet (gateway_subnet_prefix = 10.20.64.0/24).</summary>
    private const string Gateway = "10.20.64.10";
    private const string CloudAmqp = "20.50.2.10";

    private static readonly NetworkPolicies Policies = new(RenderedOverlay.Aks);

    [Fact]
    public void Namespace_DeniesEverythingByDefault()
    {
        var deny = RenderedOverlay.Aks.One("NetworkPolicy", "default-deny").As<V1NetworkPolicy>();

        Assert.Empty(deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Egress", "Ingress"], deny.Spec.PolicyTypes.Order(StringComparer.Ordinal));
        Assert.Null(deny.Spec.Ingress);
        Assert.Null(deny.Spec.Egress);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("products")]
    [InlineData("search-api")]
    [InlineData("frontend")]
    public void Gateway_ReachesTheServedApps_OnTheirHttpPortOnly(string app)
    {
        Assert.True(Policies.Allows(NetworkPolicies.External(Gateway), Policies.Pod(app), 8080));
        Assert.False(Policies.Allows(NetworkPolicies.External(Gateway), Policies.Pod(app), 9464));
        Assert.False(Policies.Allows(NetworkPolicies.External("10.20.1.7"), Policies.Pod(app), 8080));
    }

    [Theory]
    [InlineData("auth", "postgres-auth", 5432)]
    [InlineData("migrate-auth", "postgres-auth", 5432)]
    [InlineData("backup-postgres-auth", "postgres-auth", 5432)]
    [InlineData("products", "postgres-products", 5432)]
    [InlineData("migrate-products", "postgres-products", 5432)]
    [InlineData("search-api", "postgres-search", 5432)]
    [InlineData("search-indexer", "postgres-search", 5432)]
    [InlineData("search-api", "mongodb", 27017)]
    [InlineData("search-indexer", "mongodb", 27017)]
    [InlineData("migrate-search", "postgres-search", 5432)]
    [InlineData("mongodb", "mongodb", 27017)]
    [InlineData("mongodb-init-replicaset", "mongodb", 27017)]
    [InlineData("backup-mongodb", "mongodb", 27017)]
    [InlineData("products", "auth", 8080)]
    [InlineData("search-api", "auth", 8080)]
    [InlineData("search-indexer", "auth", 8080)]
    [InlineData("search-api", "products", 8080)]
    public void NeededPath_IsAllowed(string from, string to, int port)
    {
        Assert.True(Policies.Allows(Policies.Pod(from), Policies.Pod(to), port), $"{from} -> {to}:{port} is blocked");
    }

    [Theory]
    [InlineData("frontend", "postgres-auth", 5432)]
    [InlineData("auth", "postgres-products", 5432)]
    [InlineData("products", "postgres-search", 5432)]
    [InlineData("search-api", "postgres-auth", 5432)]
    [InlineData("products", "mongodb", 27017)]
    [InlineData("frontend", "auth", 8080)]
    [InlineData("auth", "products", 8080)]
    [InlineData("postgres-auth", "auth", 8080)]
    public void UnneededPath_IsBlocked(string from, string to, int port)
    {
        Assert.False(Policies.Allows(Policies.Pod(from), Policies.Pod(to), port), $"{from} -> {to}:{port} should be blocked");
    }

    [Theory]
    [InlineData("products", true)]
    [InlineData("search-indexer", true)]
    [InlineData("auth", false)]
    [InlineData("frontend", false)]
    [InlineData("postgres-products", false)]
    public void OnlyTheBrokerClients_ReachCloudAmqp(string from, bool allowed)
    {
        Assert.Equal(allowed, Policies.Allows(Policies.Pod(from), NetworkPolicies.External(CloudAmqp), 5671));
        Assert.False(Policies.Allows(Policies.Pod(from), NetworkPolicies.External("10.20.0.50"), 5671), "private ranges stay closed");
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("frontend")]
    [InlineData("postgres-search")]
    [InlineData("migrate-products")]
    public void EveryPod_ResolvesNames(string from)
    {
        var dns = NetworkPolicies.PodIn("kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" });

        Assert.True(Policies.Allows(Policies.Pod(from), dns, 53, "UDP"));
        Assert.True(Policies.Allows(Policies.Pod(from), dns, 53, "TCP"));
    }

    [Theory]
    [InlineData("auth", 9464, true)]
    [InlineData("search-indexer", 9464, true)]
    [InlineData("postgres-products", 9187, true)]
    [InlineData("auth", 8080, false)]
    public void Prometheus_ScrapesMetricsPortsOnly(string to, int port, bool allowed)
    {
        var prometheus = NetworkPolicies.PodIn("monitoring", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "prometheus" });

        Assert.Equal(allowed, Policies.Allows(prometheus, Policies.Pod(to), port));
    }
}
