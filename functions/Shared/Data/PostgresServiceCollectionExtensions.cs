using System.Reflection;
using Covacha.Shared.Configuration;
using Covacha.Shared.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
        services.AddPostgresMigrations(configuration, connectionName, migrations);
        services.AddMigrationsAtStartup();
        services.AddSingleton<IReadinessCheck>(sp => new PostgresReadinessCheck(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }

    /// <summary>
    /// Only what migrating the database needs: the data source and the SQL scripts embedded in
    /// <paramref name="migrations"/> (what <c>--migrate</c> registers).
    /// </summary>
    public static IServiceCollection AddPostgresMigrations(
        this IServiceCollection services, IConfiguration configuration, string connectionName, Assembly migrations)
    {
        var connectionString = ConnectionStrings.Required(configuration, connectionName);
        services.TryAddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddSingleton<ISchemaMigration>(sp => new SchemaMigrator(
            sp.GetRequiredService<NpgsqlDataSource>(), migrations, connectionName.ToLowerInvariant(),
            sp.GetRequiredService<ILogger<SchemaMigrator>>()));
        return services;
    }

    /// <summary>Runs every registered <see cref="ISchemaMigration"/> before the app's other hosted services start.</summary>
    public static IServiceCollection AddMigrationsAtStartup(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrationHostedService>());
        return services;
    }
}
