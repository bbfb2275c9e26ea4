using System.Diagnostics;
using System.Reflection;
using Covacha.Auth;
using Covacha.Deploy.Tests.Support;
using Covacha.Products;
using Covacha.Products.Messaging;
using Covacha.Search;
using Covacha.Search.Messaging;
using Covacha.Shared.Data;
using Covacha.Shared.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Covacha.Deploy.Tests;

/// <summary>
/// Each app's worker host exactly as its <c>Program.cs</c> builds it (the shared runner, the
/// <c>FunctionsApplication</c> builder, the app's composition root), with the environment its
/// Deployment gives the pod, in the Development environment so that the container validates
/// every registration on build and checks scopes. There is no Functions host to connect to, so
/// the worker is given an endpoint it never dials; everything the worker would create is resolved.
/// </summary>
[Collection(InProcessApps.Name)]
public sealed class WorkerHostTests
{
    static WorkerHostTests()
    {
        // How the Functions host (and Core Tools) names the environment to the worker process; the
        // builder reads it before it reads any argument.
        Environment.SetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT", Environments.Development);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("products")]
    [InlineData("search-api")]
    [InlineData("search-indexer")]
    public async Task WorkerHost_WithTheDeploymentsEnvironment_ResolvesEveryFunctionAndHostedService(string deployment)
    {
        var (definition, assembly) = AppOf(deployment);
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, StartupSettingsTests.AppContainer(overlay, "Deployment", deployment));

        using var host = FunctionsAppRunner.CreateBuilder(Arguments(environment), definition).Build();

        Assert.True(host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var hostedServices = host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.Contains("WorkerHostedService", hostedServices);
        // Search on AKS keeps its read model in MongoDB, whose indexes its StoreInitializer ensures.
        Assert.Contains(deployment.StartsWith("search", StringComparison.Ordinal) ? "StoreInitializer" : nameof(MigrationHostedService), hostedServices);
        if (deployment == "products")
        {
            Assert.Contains(nameof(OutboxRelay), hostedServices);
            Assert.Contains(nameof(OutboxHousekeeping), hostedServices);
        }

        Assert.Equal(deployment == "search-indexer", hostedServices.Contains(nameof(ProductEventConsumer)));

        var functionClasses = FunctionClasses(assembly);
        Assert.NotEmpty(functionClasses);
        await using var scope = host.Services.CreateAsyncScope();
        foreach (var type in functionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }

    [Fact]
    public void WorkerHost_AppliesTheSharedDefaults()
    {
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, StartupSettingsTests.AppContainer(overlay, "Deployment", "products"));

        using var host = FunctionsAppRunner.CreateBuilder(Arguments(environment), ProductsServices.App).Build();

        var configuration = host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        foreach (var (key, value) in AppDefaults.Settings)
        {
            Assert.Equal(value, configuration[key]);
        }

        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("auth", AuthServices.ServiceName)]
    [InlineData("products", ProductsServices.ServiceName)]
    [InlineData("search-indexer", SearchServices.ServiceName)]
    public void WorkerHost_ReportsTelemetryAsTheWorkerDocuments(string deployment, string serviceName)
    {
        var (definition, _) = AppOf(deployment);
        var overlay = RenderedOverlay.Aks;
        var environment = ContainerEnvironment.Resolve(overlay, StartupSettingsTests.AppContainer(overlay, "Deployment", deployment));

        using var host = FunctionsAppRunner.CreateBuilder(Arguments(environment), definition).Build();

        // UseFunctionsWorkerDefaults: the capability that stops the Functions host from reporting
        // invocations on the worker's behalf, and the worker's invocation spans traced.
        var worker = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.Equal(bool.TrueString, worker.Capabilities["WorkerOpenTelemetryEnabled"]);
        var tracing = host.Services.GetRequiredService<TracerProvider>();
        using (var invocations = new ActivitySource("Microsoft.Azure.Functions.Worker"))
        {
            Assert.True(invocations.HasListeners());
        }

        // The worker's resource detector names the service after the assembly; the app's own name
        // (the cloud role name in Application Insights) must win, under every host alike.
        var resource = tracing.GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(serviceName, resource["service.name"]);
        // The Functions host in the same pod takes its role name from OTEL_SERVICE_NAME: the same one.
        Assert.Equal(serviceName, environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("dotnetiso", resource["ai.sdk.prefix"].ToString()?.Split(':')[0]);
    }

    /// <summary>The pod's environment as command-line settings (what the host would read from the environment), plus a Functions host endpoint.</summary>
    internal static string[] Arguments(IReadOnlyDictionary<string, string> environment) =>
    [
        "--Functions:Worker:HostEndpoint=http://127.0.0.1:9",
        "--Functions:Worker:WorkerId=" + Guid.NewGuid(),
        "--Functions:Worker:RequestId=" + Guid.NewGuid(),
        "--Functions:Worker:GrpcMaxMessageLength=2147483647",
        .. ContainerEnvironment.AsConfiguration(environment).Select(p => $"--{p.Key}={p.Value}"),
    ];

    private static (FunctionsAppDefinition Definition, Assembly Assembly) AppOf(string deployment) =>
        StartupSettingsTests.AppOf(deployment) switch
        {
            "auth" => (AuthServices.App, typeof(AuthServices).Assembly),
            "products" => (ProductsServices.App, typeof(ProductsServices).Assembly),
            _ => (SearchServices.App, typeof(SearchServices).Assembly),
        };

    private static List<Type> FunctionClasses(Assembly assembly) =>
        [.. assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))];
}
