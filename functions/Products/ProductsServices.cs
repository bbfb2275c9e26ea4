using Covacha.Shared.Data;
using Covacha.Shared.Health;
using Covacha.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Covacha.Products;

/// <summary>The composition root of the Products app, used by its Functions host and by the dev host.</summary>
public static class ProductsServices
{
    public const string ServiceName = "covacha-products";

    public static IServiceCollection AddProducts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCovachaTelemetry(configuration, ServiceName, "Covacha.Products");
        services.AddPostgres(configuration, "Products", typeof(ProductsServices).Assembly);
        services.AddSingleton<ReadinessProbe>();
        return services;
    }
}
