using Covacha.Shared.Data;
using Covacha.Shared.Health;
using Covacha.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Covacha.Auth;

/// <summary>The composition root of the Auth app, used by its Functions host and by the dev host.</summary>
public static class AuthServices
{
    public const string ServiceName = "covacha-auth";

    public static IServiceCollection AddAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCovachaTelemetry(configuration, ServiceName, "Covacha.Auth");
        services.AddPostgres(configuration, "Auth", typeof(AuthServices).Assembly);
        services.AddSingleton<ReadinessProbe>();
        return services;
    }
}
