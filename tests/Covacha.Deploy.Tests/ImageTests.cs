using System.Globalization;
using System.Text.RegularExpressions;
using Covacha.Auth;
using Covacha.Deploy.Tests.Support;
using Covacha.Products;
using Covacha.Search;
using Covacha.Shared.Telemetry;
using YamlDotNet.RepresentationModel;

namespace Covacha.Deploy.Tests;

/// <summary>The images the manifests run are the ones the Dockerfiles build, configured alike.</summary>
public sealed partial class ImageTests
{
    /// <summary>
    /// Image name → Dockerfile, build context and APP build argument (the same table
    /// scripts/deploy.sh builds from; the three Functions apps share functions/Dockerfile).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Dockerfile, string Context, string App)> Images =
        new Dictionary<string, (string, string, string)>
        {
            ["covacha/auth"] = ("functions/Dockerfile", ".", "Auth"),
            ["covacha/products"] = ("functions/Dockerfile", ".", "Products"),
            ["covacha/search"] = ("functions/Dockerfile", ".", "Search"),
            ["covacha/frontend"] = ("frontend/Dockerfile", "frontend", ""),
        };

    public static TheoryData<string, string> FunctionsImages => new()
    {
        { "covacha/auth", typeof(AuthServices).Assembly.GetName().Name! },
        { "covacha/products", typeof(ProductsServices).Assembly.GetName().Name! },
        { "covacha/search", typeof(SearchServices).Assembly.GetName().Name! },
    };

    [Fact]
    public void AksOverlay_NamesTheFourImagesTheDeployScriptPins()
    {
        var kustomization = YamlNodes.ParseMap(Repository.Read("k8s", "overlays", "aks", "kustomization.yaml"));

        var entries = kustomization.Seq("images").Maps().ToList();
        Assert.Equal(Images.Keys.Order(StringComparer.Ordinal), entries.Select(e => e.Str("name")!).Order(StringComparer.Ordinal));
        // A newName here would rename the image before the deploy script's own overlay could match it.
        Assert.All(entries, e => Assert.Null(e.Str("newName")));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void EveryCovachaImage_HasADockerfile(string overlay)
    {
        var used = RenderedOverlay.Get(overlay).PodTemplates()
            .SelectMany(t => t.Template.Spec.Containers.Concat(t.Template.Spec.InitContainers ?? []))
            .Select(c => ImageName(c.Image))
            .Where(n => n.StartsWith("covacha/", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Equal(Images.Keys.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
        foreach (var (dockerfile, context, _) in Images.Values)
        {
            Assert.True(File.Exists(Repository.PathOf(dockerfile)), dockerfile);
            var ignore = Repository.PathOf(context, ".dockerignore");
            Assert.True(File.Exists(ignore), $"{context} has no .dockerignore");
            Assert.Contains("node_modules", File.ReadAllText(ignore), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(FunctionsImages))]
    public void FunctionsDockerfile_PublishesTheAppIntoTheFunctionsImage(string image, string assembly)
    {
        var (path, _, app) = Images[image];
        var dockerfile = Repository.Read(path);

        // The shared Dockerfile publishes functions/<APP>/Covacha.<APP>.csproj: APP must name this app's project.
        Assert.Equal(assembly, $"Covacha.{app}");
        Assert.True(File.Exists(Repository.PathOf("functions", app, $"{assembly}.csproj")), $"no project for APP={app}");
        var froms = FromLine().Matches(dockerfile).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0"], froms);
        Assert.Contains("ARG APP", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish functions/${APP}/Covacha.${APP}.csproj", dockerfile, StringComparison.Ordinal);
        Assert.Contains("-o /home/site/wwwroot", dockerfile, StringComparison.Ordinal);
        var env = EnvOf(dockerfile);
        Assert.Equal("/home/site/wwwroot", env["AzureWebJobsScriptRoot"]);
        Assert.Equal("true", env["AzureWebJobsDisableHomepage"]);
        Assert.Equal("http://+:8080", env["ASPNETCORE_URLS"]);
        Assert.DoesNotContain(env.Keys, k => SecretLike().IsMatch(k));
        Assert.DoesNotMatch(@"(?m)^\s*ARG\s+\S*(PASSWORD|SECRET|KEY|TOKEN)", dockerfile);
    }

    [Theory]
    [MemberData(nameof(FunctionsImages))]
    public void FunctionsWorkloads_RunTheImageAsItsUser_OnItsPorts(string image, string assembly)
    {
        var overlay = RenderedOverlay.Aks;
        var dockerfile = Repository.Read(Images[image].Dockerfile);
        var user = long.Parse(UserLine().Matches(dockerfile).Last().Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(user > 0, $"{image} runs as root");
        var exposed = ExposeLine().Matches(dockerfile).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();

        var templates = overlay.PodTemplates()
            .Where(t => t.Template.Spec.Containers.Any(c => ImageName(c.Image) == image)).ToList();
        Assert.NotEmpty(templates);
        foreach (var (owner, template) in templates)
        {
            Assert.Equal(user, template.Spec.SecurityContext.RunAsUser);
            var container = template.Spec.Containers.Single(c => ImageName(c.Image) == image);
            foreach (var port in container.Ports ?? [])
            {
                Assert.Contains(port.ContainerPort.ToString(CultureInfo.InvariantCulture), exposed);
            }

            if (owner.StartsWith("Job/", StringComparison.Ordinal))
            {
                Assert.Equal(["dotnet", $"/home/site/wwwroot/{assembly}.dll", "--migrate"], container.Command);
            }
            else
            {
                Assert.Null(container.Command);
                Assert.Equal(8080, container.Ports!.Single(p => p.Name == "http").ContainerPort);
                var metricsPort = container.Ports!.Single(p => p.Name == "metrics").ContainerPort;
                var configured = ContainerEnvironment.Resolve(overlay, container).GetValueOrDefault("Telemetry__PrometheusPort");
                Assert.Equal(metricsPort.ToString(CultureInfo.InvariantCulture), configured ?? new TelemetryOptions().PrometheusPort.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void SearchIndexer_RunsTheSearchApiImage()
    {
        var overlay = RenderedOverlay.Aks;

        Assert.Equal(
            Assert.Single(overlay.Deployment("search-api").Spec.Template.Spec.Containers).Image,
            Assert.Single(overlay.Deployment("search-indexer").Spec.Template.Spec.Containers).Image);
    }

    [Fact]
    public void FrontendDockerfile_ServesTheBuildWithUnprivilegedNginxOn8080()
    {
        var dockerfile = Repository.Read("frontend", "Dockerfile");
        var froms = FromLine().Matches(dockerfile).Select(m => m.Groups[1].Value).ToList();
        Assert.StartsWith("nginxinc/nginx-unprivileged:", froms.Last(), StringComparison.Ordinal);
        Assert.Contains("COPY nginx.conf /etc/nginx/nginx.conf", dockerfile, StringComparison.Ordinal);
        Assert.Contains("/app/dist /usr/share/nginx/html", dockerfile, StringComparison.Ordinal);
        Assert.Contains("listen 8080;", Repository.Read("frontend", "nginx.conf"), StringComparison.Ordinal);

        var user = long.Parse(UserLine().Matches(dockerfile).Last().Groups[1].Value, CultureInfo.InvariantCulture);
        var pod = RenderedOverlay.Aks.Deployment("frontend").Spec.Template.Spec;
        Assert.Equal(user, pod.SecurityContext.RunAsUser);
        Assert.Equal(8080, Assert.Single(pod.Containers).Ports.Single(p => p.Name == "http").ContainerPort);
    }

    private static string ImageName(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', slash + 1);
        return colon < 0 ? image : image[..colon];
    }

    private static Dictionary<string, string> EnvOf(string dockerfile)
    {
        // The final stage only: that is what the container runs with.
        var final = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var joined = final.Replace("\\\n", " ", StringComparison.Ordinal);
        return EnvLine().Matches(joined)
            .SelectMany(m => EnvPair().Matches(m.Groups[1].Value))
            .ToDictionary(p => p.Groups[1].Value, p => p.Groups[2].Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// PID 1 must be the Functions host itself (exec-form CMD), so the kubelet's SIGTERM reaches it:
    /// the base image's start script runs the host without exec, and a shell as PID 1 ignores it.
    /// No Deployment may put a shell back in front of it with a command of its own.
    /// </summary>
    [Fact]
    public void FunctionsImage_StartsTheHostInExecForm_AndNoDeploymentOverridesIt()
    {
        var dockerfile = Repository.Read("functions", "Dockerfile");
        var final = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

        var starts = StartLine().Matches(final).ToList();
        var start = Assert.Single(starts);
        Assert.Equal("CMD", start.Groups[1].Value);
        var argv = System.Text.Json.JsonSerializer.Deserialize<string[]>(start.Groups[2].Value)!;
        Assert.Equal(["/azure-functions-host/Microsoft.Azure.WebJobs.Script.WebHost"], argv);

        foreach (var deployment in new[] { "auth", "products", "search-api", "search-indexer" })
        {
            var container = Assert.Single(RenderedOverlay.Aks.Deployment(deployment).Spec.Template.Spec.Containers);
            Assert.Null(container.Command);
            Assert.Null(container.Args);
        }
    }

    [GeneratedRegex(@"(?m)^(CMD|ENTRYPOINT)\s+(.+)$")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"(?m)^FROM\s+(\S+)")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"(?m)^USER\s+(\d+)(?::\d+)?\s*$")]
    private static partial Regex UserLine();

    [GeneratedRegex(@"(?m)^EXPOSE\s+(.+)$")]
    private static partial Regex ExposeLine();

    [GeneratedRegex(@"(?m)^ENV\s+(.+)$")]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex EnvPair();

    [GeneratedRegex("(?i)password|secret|connectionstring|servicekey|pem")]
    private static partial Regex SecretLike();

}
