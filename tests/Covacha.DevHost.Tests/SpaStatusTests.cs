using System.Net;
using System.Text.RegularExpressions;
using Covacha.Testing;

namespace Covacha.DevHost.Tests;

/// <summary>
/// A dev host serving a built frontend (a stand-in index.html and asset in a folder of its own). It
/// shares the tests-devhost virtual host with <see cref="DevHostFixture"/>, so its Search consumer
/// stays off: two consumers on one queue would split the product events between two read models.
/// </summary>
public sealed class SpaHostFixture() : CovachaHost("tests-devhost")
{
    public const string IndexMarker = "<!-- covacha test index -->";

    public string Dist { get; } = Directory.CreateTempSubdirectory("covacha-dist-").FullName;

    protected override IDictionary<string, string?> ExtraSettings()
    {
        File.WriteAllText(Path.Combine(Dist, "index.html"), $"<!doctype html><title>Covacha</title>{IndexMarker}<div id=\"root\"></div>");
        Directory.CreateDirectory(Path.Combine(Dist, "assets"));
        File.WriteAllText(Path.Combine(Dist, "assets", "app.js"), "console.log('covacha');");
        return new Dictionary<string, string?> { ["DevHost:FrontendPath"] = Dist, ["Search:ConsumerEnabled"] = "false" };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Dist, recursive: true);
    }
}

/// <summary>Unknown paths get the app (its "Page not found" screen) with status 404; the app's own routes answer 200.</summary>
public sealed partial class SpaStatusTests(SpaHostFixture host) : IClassFixture<SpaHostFixture>
{
    public static TheoryData<string> KnownPaths() => new(SpaRoutes.Templates.Select(SamplePath).Concat(["/?q=cafe&page=2", "/my/products/"]));

    [Theory]
    [MemberData(nameof(KnownPaths))]
    public async Task KnownRoute_AnswersTheApp200(string path)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SpaHostFixture.IndexMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/products")]
    [InlineData("/products/1/edit/more")]
    [InlineData("/my")]
    [InlineData("/admin/users")]
    [InlineData("/sellers")]
    public async Task UnknownPath_AnswersTheApp404_SoItShowsPageNotFound(string path)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(SpaHostFixture.IndexMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_AreServed_AndAMissingAssetIsAPlain404()
    {
        using var asset = await host.Client.GetAsync("/assets/app.js");
        using var missing = await host.Client.GetAsync("/assets/missing.js");
        using var api = await host.Client.GetAsync("/api/nothing/here");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain(SpaHostFixture.IndexMarker, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Templates_AreTheRoutesOfAppTsx()
    {
        var app = File.ReadAllText(Path.Combine(RepositoryRoot(), "frontend", "src", "App.tsx"));
        var declared = RoutePath().Matches(app).Select(m => "/" + m.Groups[1].Value).Append("/").Order().ToList();

        Assert.Equal(declared, SpaRoutes.Templates.Order().ToList());
    }

    public static string SamplePath(string template) => template.Replace(":id", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Covacha.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Covacha.sln not found above the test's folder.");
    }

    [GeneratedRegex("""<Route\s+path="([^"*]+)"\s""")]
    private static partial Regex RoutePath();
}
