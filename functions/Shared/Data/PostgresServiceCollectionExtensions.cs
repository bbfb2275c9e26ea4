using System.Reflection;
using Covacha.Shared.Configuration;
using Covacha.Shared.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Covacha.Shared.Data;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// The app's one <see cref="NpgsqlDataSource"/> (from <c>ConnectionStrings:{name}</c>), its
    /// schema migrations at start-up and a readiness check.
    /// </summary>
    public static IServiceCollection AddPostgres(
        this IServiceCollection services, IConfiguration configuration, string connectionName, Assembly migrations)
    {
        var connectionString = ConnectionStrings.Required(configuration, connectionName);
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddHostedService(sp => new MigrationHostedService(
            sp.GetRequiredService<NpgsqlDataSource>(), migrations, connectionName.ToLowerInvariant(),
            sp.GetRequiredService<ILogger<MigrationHostedService>>()));
        services.AddSingleton<IReadinessCheck>(sp => new PostgresReadinessCheck(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
