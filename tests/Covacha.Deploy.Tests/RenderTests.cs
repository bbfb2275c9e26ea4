using Covacha.Deploy.Tests.Support;

namespace Covacha.Deploy.Tests;

public sealed class RenderTests
{
    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Overlay_RendersWellFormedDocuments(string overlay)
    {
        var rendered = RenderedOverlay.Get(overlay);

        Assert.NotEmpty(rendered.Manifests);
        Assert.All(rendered.Manifests, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.ApiVersion), m.Yaml);
            Assert.False(string.IsNullOrEmpty(m.Kind), m.Yaml);
            Assert.False(string.IsNullOrEmpty(m.Name), m.Yaml);
        });
        Assert.Equal(rendered.Manifests.Count, rendered.Manifests.Select(m => (m.Kind, m.Name)).Distinct().Count());
    }

    [Fact]
    public void AksOverlay_HasTheNamesTheDeployScriptUses()
    {
        var overlay = RenderedOverlay.Aks;

        Assert.True(overlay.Has("Namespace", "covacha"));
        foreach (var deployment in new[] { "auth", "products", "search-api", "search-indexer", "frontend" })
        {
            Assert.True(overlay.Has("Deployment", deployment), deployment);
        }

        foreach (var job in new[] { "migrate-auth", "migrate-products", "migrate-search" })
        {
            Assert.True(overlay.Has("Job", job), job);
        }
    }

    [Fact]
    public void Kustomize_ABrokenKustomization_FailsWithItsError()
    {
        var directory = Directory.CreateTempSubdirectory("covacha-kustomize-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "kustomization.yaml"), "resources:\n  - missing.yaml\n");

            var error = Assert.Throws<InvalidOperationException>(() => Kustomize.Render(directory.FullName));

            Assert.Contains("missing.yaml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
