using Covacha.Shared.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Covacha.Shared.Data;

/// <summary>
/// <c>dotnet Covacha.App.dll --migrate</c>, what the AKS migration Jobs run before a new version
/// rolls out. It builds a plain host with only what migrating needs (configuration, logging, the
/// stores' clients and their <see cref="ISchemaMigration"/>s): no Functions worker, which would
/// need a Functions host to talk to, and no broker.
/// </summary>
public static class MigrationCommand
{
    public const string Argument = "--migrate";

    /// <summary>Runs every registered migration in order; 0 when the schema is current, 1 otherwise.</summary>
    public static async Task<int> RunAsync(string[] args, Action<IServiceCollection, IConfiguration> addMigrations)
    {
        var builder = Host.CreateApplicationBuilder([.. args.Where(a => a != Argument)]);
        AppDefaults.AddSettings(builder.Configuration);
        using var loggerFactory = LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var logger = loggerFactory.CreateLogger(typeof(MigrationCommand));
        try
        {
            // Composition errors (a missing connection string) are reported like any other failure.
            addMigrations(builder.Services, builder.Configuration);
            using var host = builder.Build();
            var migrations = host.Services.GetServices<ISchemaMigration>().ToList();
            if (migrations.Count == 0)
            {
                throw new InvalidOperationException("Nothing to migrate: the app registered no schema migration for its configuration.");
            }

            foreach (var migration in migrations)
            {
                await migration.MigrateAsync(CancellationToken.None);
                logger.LogInformation("{Store} is up to date", migration.Name);
            }

            return 0;
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Migration failed");
            return 1;
        }
    }
}
