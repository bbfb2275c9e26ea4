using Covacha.Auth;
using Covacha.Deploy.Tests.Support;
using Covacha.Products;
using Covacha.Search;
using Covacha.Search.Data;
using Covacha.Search.Data.Mongo;
using Covacha.Search.Index;
using Covacha.Shared.Health;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Covacha.Deploy.Tests;

/// <summary>
/// Every setting an app requires at start-up is provided by its Deployment (and its migration
/// Job): the app's real composition root runs on exactly the environment the pod would get,
/// and its start-up options validation passes.
/// </summary>
[Collection(InProcessApps.Name)]
public sealed class StartupSettingsTests
{
    public static TheoryData<string, string> Workloads => new()
    {
        { "Deployment", "auth" },
        { "Deployment", "products" },
        { "Deployment", "search-api" },
        { "Deployment", "search-indexer" },
        { "Job", "migrate-auth" },
        { "Job", "migrate-products" },
        { "Job", "migrate-search" },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void CompositionRoot_WithTheWorkloadsEnvironment_PassesStartupValidation(string kind, string name)
    {
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, kind, name));

        var exception = Record.Exception(() => StartApp(AppOf(name), environment));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData("auth", "ConnectionStrings__Auth")]
    [InlineData("products", "ConnectionStrings__Products")]
    [InlineData("products", "ConnectionStrings__RabbitMQ")]
    [InlineData("search-indexer", "ConnectionStrings__RabbitMQ")]
    public void CompositionRoot_WithoutARequiredSetting_ThrowsNamingTheKey(string deployment, string variable)
    {
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Deployment", deployment));
        Assert.True(environment.Remove(variable), $"{deployment} does not set {variable}");

        var exception = Assert.ThrowsAny<Exception>(() => StartApp(AppOf(deployment), environment));

        Assert.Contains(variable.Replace("__", ":", StringComparison.Ordinal), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("products")]
    [InlineData("search-indexer")]
    public void CompositionRoot_RabbitMqUriNotAmqp_ThrowsNamingTheKeyWithoutItsPassword(string deployment)
    {
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Deployment", deployment));
        environment["ConnectionStrings__RabbitMQ"] = "https://covacha:s3cret@broker.example";

        var exception = Assert.ThrowsAny<Exception>(() => StartApp(AppOf(deployment), environment));

        Assert.Contains("ConnectionStrings:RabbitMQ must be an amqp:// or amqps:// URI", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchCompositionRoot_WithoutAnyConnectionString_ThrowsNamingAConnectionString()
    {
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Deployment", "search-api"));
        foreach (var key in environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(key);
        }

        var exception = Assert.ThrowsAny<Exception>(() => StartApp("search", environment));

        Assert.Contains("ConnectionStrings:", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate-auth", "auth")]
    [InlineData("migrate-products", "products")]
    [InlineData("migrate-search", "search-api")]
    public void MigrationJob_HasTheSameEnvironmentAsItsDeployment(string job, string deployment)
    {
        var overlay = RenderedOverlay.Aks;

        var jobEnvironment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Job", job));
        var deploymentEnvironment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Deployment", deployment));

        Assert.Equal(deploymentEnvironment.OrderBy(p => p.Key, StringComparer.Ordinal), jobEnvironment.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("search-api", "false", "true")]
    [InlineData("search-indexer", "true", "false")]
    public void SearchDeployments_SplitTheConsumerFromTheIndex(string deployment, string consumerEnabled, string inMemoryIndex)
    {
        var overlay = RenderedOverlay.Aks;

        var environment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Deployment", deployment));

        Assert.Equal(consumerEnabled, environment["Search__ConsumerEnabled"]);
        Assert.Equal(inMemoryIndex, environment.GetValueOrDefault("Search__InMemoryIndex", "true"));
    }

    [Fact]
    public void SearchApi_OnAks_ServesFromTheIndexFedByTheMongoDbChangeStreamAndStartsFromItsSnapshots()
    {
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Deployment", "search-api"));

        using var provider = BuildApp("search", environment);

        Assert.Equal("mongodb", environment["Search__Store"]);
        Assert.IsType<IndexedSearchStore>(provider.GetRequiredService<ISearchStore>());
        Assert.IsType<MongoChangeFeed>(provider.GetRequiredService<IChangeFeed>());
        Assert.IsType<MongoIndexSnapshotStore>(provider.GetRequiredService<IIndexSnapshotStore>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is SearchIndexFollower);
        Assert.Contains(provider.GetServices<IReadinessCheck>(), c => c is IndexReadinessCheck);
    }

    [Fact]
    public void SearchIndexer_OnAks_WritesTheStoreWithoutAnIndex()
    {
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, AppContainer(overlay, "Deployment", "search-indexer"));

        using var provider = BuildApp("search", environment);

        Assert.IsType<MongoSearchStore>(provider.GetRequiredService<ISearchStore>());
        Assert.DoesNotContain(provider.GetServices<IHostedService>(), s => s is SearchIndexFollower);
    }

    [Fact]
    public void Expand_ReferencesToEarlierVariables_AreReplacedLikeTheKubelet()
    {
        var defined = new Dictionary<string, string> { ["PASSWORD"] = "s3cret" };

        Assert.Equal("Password=s3cret;x=$(UNDEFINED);$(PASSWORD)",
            ContainerEnvironment.Expand("Password=$(PASSWORD);x=$(UNDEFINED);$$(PASSWORD)", defined));
    }

    internal static string AppOf(string workload) => workload.Replace("migrate-", "", StringComparison.Ordinal) switch
    {
        "auth" => "auth",
        "products" => "products",
        "search" or "search-api" or "search-indexer" => "search",
        var other => throw new ArgumentOutOfRangeException(nameof(workload), other, "not a Functions app workload"),
    };

    internal static V1Container AppContainer(RenderedOverlay overlay, string kind, string name)
    {
        var spec = kind == "Job" ? overlay.One("Job", name).As<V1Job>().Spec.Template.Spec : overlay.Deployment(name).Spec.Template.Spec;
        return Assert.Single(spec.Containers);
    }

    /// <summary>What the app's Program.cs does before it serves, minus the Functions worker itself.</summary>
    private static void StartApp(string app, IReadOnlyDictionary<string, string> environment)
    {
        using var provider = BuildApp(app, environment);
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>The app's services as its composition root registers them for <paramref name="environment"/> (nothing connects).</summary>
    private static ServiceProvider BuildApp(string app, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ContainerEnvironment.AsConfiguration(environment))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        _ = app switch
        {
            "auth" => services.AddAuth(configuration),
            "products" => services.AddProducts(configuration),
            "search" => services.AddSearch(configuration),
            _ => throw new ArgumentOutOfRangeException(nameof(app), app, null),
        };
        return services.BuildServiceProvider();
    }
}
