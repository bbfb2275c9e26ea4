using Covacha.Products.Data;
using Covacha.Products.Demo;
using Covacha.Products.Messaging;
using Covacha.Products.Model;
using Covacha.Shared.Configuration;
using Covacha.Shared.Data;
using Covacha.Shared.Health;
using Covacha.Shared.Hosting;
using Covacha.Shared.Identity;
using Covacha.Shared.Messaging;
using Covacha.Shared.Pipeline;
using Covacha.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Covacha.Products;

/// <summary>The composition root of the Products app, used by its Functions host and by the dev host.</summary>
public static class ProductsServices
{
    public const string ServiceName = "covacha-products";

    /// <summary>This app for the shared runner (<c>Program.cs</c>) and the tests that build its worker host.</summary>
    public static readonly FunctionsAppDefinition App = new(
        ServiceName, (services, configuration) => services.AddProducts(configuration), (services, configuration) => services.AddProductsMigrations(configuration),
        new Dictionary<string, Func<string[], Task<int>>> { [DemoSeedCommand.Argument] = DemoSeedCommand.RunAsync });

    public static IServiceCollection AddProducts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCovachaTelemetry(configuration, ServiceName, OutboxMetrics.MeterName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddPostgres(configuration, "Products", typeof(ProductsServices).Assembly);
        services.AddJwksTokenValidation(configuration);
        services.AddCatalogue(configuration);
        services.AddSingleton<IServiceKeySource>(sp => sp.GetRequiredService<IOptions<ProductsOptions>>().Value);
        services.AddSingleton<CreateLimit>();

        services.AddRabbitMq(configuration);
        services.AddSingleton(new OutboxRelaySettings());
        services.AddSingleton<BrokerStatus>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxRepository>();
        services.AddTransient<OutboxPublisher>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<OutboxHousekeeping>();
        services.AddSingleton<IReadinessCheck, OutboxReadinessCheck>();
        services.AddSingleton<ReadinessProbe>();
        return services;
    }

    /// <summary>What <c>--migrate</c> needs: the database and its SQL scripts, nothing else.</summary>
    public static IServiceCollection AddProductsMigrations(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPostgresMigrations(configuration, "Products", typeof(ProductsServices).Assembly);

    /// <summary>What <c>--seed-demo</c> needs: the database and its scripts, and the store and rules a create goes through.</summary>
    public static IServiceCollection AddProductsSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddProductsMigrations(configuration);
        return services.AddCatalogue(configuration);
    }

    /// <summary>The catalogue's rules and store (which signals the outbox relay on each commit).</summary>
    private static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ProductsOptions>(configuration, ProductsOptions.Section,
            o => o.CurrencyProblem(), nameof(ProductsOptions.Currencies));
        services.AddSingleton(sp => new ProductValidator(sp.GetRequiredService<IOptions<ProductsOptions>>().Value.Describe()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ProductStore>();
        return services;
    }
}
