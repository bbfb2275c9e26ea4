using System.Net;
using Covacha.Testing;

namespace Covacha.DevHost.Tests;

/// <summary>Each app serves its document anonymously; the dev host shows all three at /api/docs.</summary>
public sealed class OpenApiServingTests(OpenApiHostFixture host) : IClassFixture<OpenApiHostFixture>
{
    [Theory]
    [MemberData(nameof(OpenApiParityTests.Apps), MemberType = typeof(OpenApiParityTests))]
    public async Task GetOpenApiYaml_Anonymous_ServesTheDocumentInTheRepository(string app)
    {
        var response = await host.Client.GetAsync($"/api/{app}/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(OpenApiParityTests.DocumentPath(app)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetApiDocs_ServesScalarWithAllThreeDocuments()
    {
        var response = await host.Client.GetAsync("/api/docs/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Scalar resolves these against the origin (the page's path less /api/docs/).
        Assert.Contains("\"url\":\"api/auth/openapi.yaml\"", page, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"api/products/openapi.yaml\"", page, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"api/search/openapi.yaml\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApiDocs_ScriptItLoads_IsServedBySameOrigin()
    {
        var page = await (await host.Client.GetAsync("/api/docs/")).Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(page, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;

        Assert.False(string.IsNullOrEmpty(script), "the docs page loads no script");
        Assert.DoesNotContain("://", script, StringComparison.Ordinal);
        var response = await host.Client.GetAsync(new Uri(new Uri(host.BaseAddress, "/api/docs/"), script));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
