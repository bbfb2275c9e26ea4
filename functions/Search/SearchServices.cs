using Covacha.Shared.Data;
using Covacha.Shared.Health;
using Covacha.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Covacha.Search;

/// <summary>The composition root of the Search app, used by its Functions host and by the dev host.</summary>
public static class SearchServices
{
    public const string ServiceName = "covacha-search";

    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCovachaTelemetry(configuration, ServiceName, "Covacha.Search");
        services.AddPostgres(configuration, "Search", typeof(SearchServices).Assembly);
        services.AddSingleton<ReadinessProbe>();
        return services;
    }
}
