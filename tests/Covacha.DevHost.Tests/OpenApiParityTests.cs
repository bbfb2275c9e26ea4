using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Covacha.Testing;

namespace Covacha.DevHost.Tests;

/// <summary>
/// Each app's OpenAPI document describes exactly the routes the Worker SDK wrote into its
/// <c>functions.metadata</c>: no undocumented route, no documented ghost.
/// </summary>
public sealed partial class OpenApiParityTests
{
    public static TheoryData<string> Apps => new() { "auth", "products", "search" };

    [Theory]
    [MemberData(nameof(Apps))]
    public void Document_OperationsEqualFunctionsMetadataRoutes(string app)
    {
        var fromMetadata = MetadataOperations(app);
        var fromDocument = OpenApiDescription.Parse(app, File.ReadAllText(DocumentPath(app))).Operations
            .Select(o => $"{o.Method} {o.PathTemplate}")
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = fromMetadata.Except(fromDocument).Order(StringComparer.Ordinal).ToList();
        var ghosts = fromDocument.Except(fromMetadata).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0 && ghosts.Count == 0,
            $"functions/{Folder(app)}/openapi.yaml and functions.metadata disagree.\n" +
            $"Routes missing from the document: {string.Join(", ", undocumented)}\n" +
            $"Documented operations with no function: {string.Join(", ", ghosts)}");
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Document_EmbeddedInAppEqualsFileInRepository(string app)
    {
        var embedded = OpenApiDescription.ForApp(app).Document.ToJsonString();
        var file = OpenApiDescription.Parse(app, File.ReadAllText(DocumentPath(app))).Document.ToJsonString();
        Assert.Equal(file, embedded);
    }

    [Theory]
    [InlineData("products/{id:guid}", "/api/products/{id}")]
    [InlineData("auth/users/{id:guid}/role", "/api/auth/users/{id}/role")]
    [InlineData("search/{page:int:min(1)}/{**rest}", "/api/search/{page}/{rest}")]
    [InlineData("auth/.well-known/jwks.json", "/api/auth/.well-known/jwks.json")]
    public void ToOpenApiPath_StripsConstraintsAndCatchAll(string route, string expected) =>
        Assert.Equal(expected, ToOpenApiPath(route));

    [Fact]
    public void Documents_ShareOneProblemSchema()
    {
        var problems = new[] { "auth", "products", "search" }
            .Select(app => OpenApiDescription.ForApp(app).Document["components"]!["schemas"]!["Problem"]!.ToJsonString())
            .ToList();
        Assert.All(problems, p => Assert.Equal(problems[0], p));
    }

    internal static HashSet<string> MetadataOperations(string app)
    {
        var path = MetadataPath(app);
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; build the app first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in document.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                if (binding.GetProperty("type").GetString() != "httpTrigger")
                {
                    continue;
                }

                var route = ToOpenApiPath(binding.GetProperty("route").GetString()!);
                var methods = binding.TryGetProperty("methods", out var m)
                    ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToArray()
                    : ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
                foreach (var method in methods)
                {
                    operations.Add($"{method} {route}");
                }
            }
        }

        return operations;
    }

    /// <summary><c>products/{id:guid}</c> → <c>/api/products/{id}</c> (host.json's route prefix is <c>api</c>).</summary>
    internal static string ToOpenApiPath(string route) =>
        "/api/" + RouteParameter().Replace(route.Trim('/'), match => "{" + match.Groups[1].Value + "}");

    internal static string DocumentPath(string app) => Path.Combine(RepositoryRoot(), "functions", Folder(app), "openapi.yaml");

    private static string Folder(string app) => char.ToUpperInvariant(app[0]) + app[1..];

    private static string MetadataPath(string app)
    {
        var configuration = typeof(OpenApiParityTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(RepositoryRoot(), "functions", Folder(app), "bin", configuration, "net10.0", "functions.metadata");
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

    // {name}, {name:constraint(...)...}, {*name}, {**name}, {name?}
    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
