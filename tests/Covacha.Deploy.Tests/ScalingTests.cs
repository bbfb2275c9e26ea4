using System.Globalization;
using Covacha.Deploy.Tests.Support;
using Covacha.Shared.Events;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Covacha.Deploy.Tests;

/// <summary>KEDA and disruption budgets (KEDA's kinds are read as YAML maps: the client has no models for them).</summary>
public sealed class ScalingTests
{
    private static YamlMappingNode ScaledObjectFor(RenderedOverlay overlay, string deployment) =>
        overlay.OfKind("ScaledObject").Select(m => m.Root)
            .Single(r => r.Path("spec", "scaleTargetRef").Str("name") == deployment);

    [Fact]
    public void SearchIndexer_ScalesFromZeroOnTheQueueTheConsumerDeclares()
    {
        var overlay = RenderedOverlay.Aks;
        var scaled = ScaledObjectFor(overlay, "search-indexer").Path("spec");

        var trigger = Assert.Single(scaled.Seq("triggers").Maps());
        Assert.Equal("rabbitmq", trigger.Str("type"));
        var metadata = trigger.Path("metadata");
        Assert.Equal(ProductEvents.SearchQueue, metadata.Str("queueName"));
        Assert.Equal("QueueLength", metadata.Str("mode"));
        Assert.True(int.Parse(metadata.Str("value")!, CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", scaled.Str("minReplicaCount"));
        Assert.True(int.Parse(scaled.Str("maxReplicaCount")!, CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse(scaled.Str("cooldownPeriod")!, CultureInfo.InvariantCulture) >= 300,
            "a cooldown under five minutes stops consumers that are still working through unacked messages");
    }

    /// <summary>A scaler that cannot read the queue must not leave the indexer at zero while events wait.</summary>
    [Fact]
    public void SearchIndexer_FallsBackToAReplicaWhenTheScalerCannotReadTheQueue()
    {
        var scaled = ScaledObjectFor(RenderedOverlay.Aks, "search-indexer").Path("spec");

        var fallback = scaled.Path("fallback");
        Assert.True(int.Parse(fallback.Str("replicas")!, CultureInfo.InvariantCulture) >= 1);
        Assert.InRange(int.Parse(fallback.Str("failureThreshold")!, CultureInfo.InvariantCulture), 1, 10);
        // KEDA applies a fallback only to AverageValue metrics (the rabbitmq trigger's default).
        Assert.Null(Assert.Single(scaled.Seq("triggers").Maps()).Str("metricType"));
    }

    [Fact]
    public void SearchIndexerTrigger_AuthenticatesFromASecretTheCsiDriverSyncs()
    {
        var overlay = RenderedOverlay.Aks;
        var trigger = ScaledObjectFor(overlay, "search-indexer").Path("spec").Seq("triggers").Maps().Single();
        Assert.Null(trigger.Path("metadata").Str("host"));

        var authName = trigger.Path("authenticationRef").Str("name")!;
        var reference = Assert.Single(overlay.One("TriggerAuthentication", authName).Root.Path("spec").Seq("secretTargetRef").Maps());
        Assert.Equal("host", reference.Str("parameter"));
        Assert.Contains(reference.Str("key")!, ContainerEnvironment.SyncedSecretKeys(overlay, reference.Str("name")!));

        // KEDA's Secret must exist while the indexer is at zero: another running Deployment mounts its class.
        var syncingClass = overlay.OfKind("SecretProviderClass").Single(s =>
            s.Root.Path("spec").Seq("secretObjects").Maps().Any(o => o.Str("secretName") == reference.Str("name"))).Name;
        Assert.Contains(overlay.Deployments, d => d.Metadata.Name != "search-indexer"
            && (d.Spec.Template.Spec.Volumes ?? []).Any(v => v.Csi?.VolumeAttributes?["secretProviderClass"] == syncingClass));
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("products")]
    [InlineData("search-api")]
    public void HttpApp_ScalesOnCpu_AndNeverBelowTwo(string deployment)
    {
        var scaled = ScaledObjectFor(RenderedOverlay.Aks, deployment).Path("spec");

        Assert.True(int.Parse(scaled.Str("minReplicaCount")!, CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse(scaled.Str("maxReplicaCount")!, CultureInfo.InvariantCulture) > 2);
        var trigger = Assert.Single(scaled.Seq("triggers").Maps());
        Assert.Equal("cpu", trigger.Str("type"));
        Assert.Equal("Utilization", trigger.Str("metricType"));
    }

    [Fact]
    public void Frontend_HasAnAutoscalerNeverBelowTwo()
    {
        var hpa = RenderedOverlay.Aks.OfKind("HorizontalPodAutoscaler").Select(m => m.As<V2HorizontalPodAutoscaler>())
            .Single(h => h.Spec.ScaleTargetRef.Name == "frontend");

        Assert.True(hpa.Spec.MinReplicas >= 2);
    }

    [Theory]
    [MemberData(nameof(Workloads.Deployments), MemberType = typeof(Workloads))]
    public void EveryDeployment_IsScaledByExactlyOneAutoscaler_AndLeavesReplicasToIt(string deployment)
    {
        var overlay = RenderedOverlay.Aks;
        var scalers = overlay.OfKind("ScaledObject").Count(m => m.Root.Path("spec", "scaleTargetRef").Str("name") == deployment)
            + overlay.OfKind("HorizontalPodAutoscaler").Count(m => m.As<V2HorizontalPodAutoscaler>().Spec.ScaleTargetRef.Name == deployment);

        Assert.Equal(1, scalers);
        Assert.Null(overlay.Deployment(deployment).Spec.Replicas);
    }

    [Theory]
    [MemberData(nameof(Workloads.Deployments), MemberType = typeof(Workloads))]
    public void EveryDeployment_HasADisruptionBudgetThatAllowsADrain(string deployment)
    {
        var overlay = RenderedOverlay.Aks;
        var labels = overlay.Deployment(deployment).Spec.Template.Metadata.Labels;
        var budget = Assert.Single(overlay.OfKind("PodDisruptionBudget").Select(m => m.As<V1PodDisruptionBudget>()),
            p => p.Spec.Selector.MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value));

        // With at least two replicas, minAvailable 1 lets one pod go; at 0..1 replicas only maxUnavailable does.
        var minimumReplicas = deployment == "search-indexer" ? 0 : 2;
        if (budget.Spec.MinAvailable is { } min)
        {
            Assert.True(int.Parse(min.ToString()!, CultureInfo.InvariantCulture) < minimumReplicas, $"{deployment}: the budget blocks every drain");
        }
        else
        {
            Assert.Equal("1", budget.Spec.MaxUnavailable?.ToString());
        }
    }
}
