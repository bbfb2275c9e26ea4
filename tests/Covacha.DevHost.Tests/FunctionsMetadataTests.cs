using System.Reflection;
using System.Text.Json;

namespace Covacha.DevHost.Tests;

/// <summary>
/// The dev host must expose exactly what the Functions host would: the function names,
/// methods and routes the Worker SDK wrote into each app's <c>functions.metadata</c>.
/// </summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string> Apps => new() { "auth", "products", "search" };

    [Theory]
    [MemberData(nameof(Apps))]
    public void RouteTable_MatchesFunctionsMetadataWrittenByWorkerSdk(string app)
    {
        var fromSdk = ReadMetadata(app);
        var fromDevHost = CovachaApps.Create().Single(a => a.Name == app).Routes
            .Select(r => Describe(r.FunctionName, r.Methods, r.Route))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(fromSdk);
        Assert.Equal(fromSdk, fromDevHost);
    }

    [Fact]
    public void RouteTable_EveryRouteStartsWithItsServiceName()
    {
        foreach (var app in CovachaApps.Create())
        {
            Assert.All(app.Routes, r => Assert.StartsWith(app.Name + "/", r.Route + "/", StringComparison.Ordinal));
        }
    }

    private static List<string> ReadMetadata(string app)
    {
        var path = MetadataPath(app);
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; build the app first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var routes = new List<string>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                if (binding.GetProperty("type").GetString() != "httpTrigger")
                {
                    continue;
                }

                var methods = binding.TryGetProperty("methods", out var m)
                    ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToArray()
                    : [];
                routes.Add(Describe(function.GetProperty("name").GetString()!, methods, binding.GetProperty("route").GetString()!));
            }
        }

        return routes.Order(StringComparer.Ordinal).ToList();
    }

    private static string Describe(string name, IEnumerable<string> methods, string route) =>
        $"{name} {string.Join(',', methods.Order(StringComparer.Ordinal))} {route}";

    private static string MetadataPath(string app)
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = RepositoryRoot();
        var folder = char.ToUpperInvariant(app[0]) + app[1..];
        return Path.Combine(root, "functions", folder, "bin", configuration, "net10.0", "functions.metadata");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Covacha.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Covacha.sln not found above the test output folder.");
    }
}
