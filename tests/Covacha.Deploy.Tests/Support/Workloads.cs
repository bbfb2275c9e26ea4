namespace Covacha.Deploy.Tests.Support;

/// <summary>The Deployments Covacha runs, and which Functions app each one is.</summary>
public static class Workloads
{
    /// <summary>Deployment name → the app (route prefix) whose image it runs; frontend has none.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Apps = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["auth"] = "auth",
        ["products"] = "products",
        ["search-api"] = "search",
        ["search-indexer"] = "search",
        ["frontend"] = null,
    };

    public static TheoryData<string> Deployments => [.. Apps.Keys];

    public static TheoryData<string> FunctionsDeployments => [.. Apps.Where(a => a.Value is not null).Select(a => a.Key)];

    /// <summary>The Deployments behind the Ingress (search-indexer only consumes).</summary>
    public static TheoryData<string> ServedDeployments => ["auth", "products", "search-api", "frontend"];
}
