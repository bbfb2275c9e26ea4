using Covacha.Deploy.Tests.Support;

namespace Covacha.Deploy.Tests;

/// <summary>
/// search-api pods hold the whole catalogue in memory, so they are sized from the index's measured
/// figures (bench/README.md, the same ones docs/deploy-kubernetes.md sizes from): 303 MiB of
/// managed heap at 1,000,000 products, and a load from the whole read model of ~30 s per million
/// products on a quiet node when there is no snapshot to start from.
/// </summary>
public sealed class SearchSizingTests
{
    private const decimal IndexHeapAtOneMillion = 303m * 1024 * 1024;

    [Fact]
    public void SearchApi_Memory_IsTwiceTheIndexAtAMillionProductsAndGuaranteed()
    {
        var resources = Assert.Single(RenderedOverlay.Aks.Deployment("search-api").Spec.Template.Spec.Containers).Resources;
        var limit = resources.Limits["memory"].ToDecimal();

        Assert.True(limit >= 2 * IndexHeapAtOneMillion, $"search-api memory limit {limit} is under twice the index's heap at 1M products");
        Assert.Equal(limit, resources.Requests["memory"].ToDecimal());
    }

    [Fact]
    public void SearchApi_Rollout_WaitsForAFirstLoadFromTheReadModelAtTenMillionProducts()
    {
        var deployment = RenderedOverlay.Aks.Deployment("search-api");

        // 10 × ~30 s per million on a quiet node, with room for a busy one.
        Assert.True(deployment.Spec.ProgressDeadlineSeconds >= 2 * 10 * 30, "search-api rollouts would be declared stuck while an index loads");
    }

    [Fact]
    public void DeployGuide_SizesSearchApiLikeTheManifest()
    {
        var guide = Repository.Read("docs", "deploy-kubernetes.md");
        var container = Assert.Single(RenderedOverlay.Aks.Deployment("search-api").Spec.Template.Spec.Containers);

        Assert.Contains("Sizing search-api", guide, StringComparison.Ordinal);
        Assert.Contains($"| 1,000,000 | 303 MiB | {container.Resources.Limits["memory"]} |", guide, StringComparison.Ordinal);
    }
}
