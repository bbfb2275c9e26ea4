using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Covacha.Shared.Data;

/// <summary>
/// Brings the app's database schema up to date before the app serves. The migration Job on
/// AKS runs the same code first; here it is a no-op unless a script is new.
/// </summary>
public sealed class MigrationHostedService(
    NpgsqlDataSource dataSource, Assembly scripts, string schemaName, ILogger<MigrationHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        new SchemaMigrator(dataSource, scripts, schemaName, logger).MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
