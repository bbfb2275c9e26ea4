using Microsoft.Extensions.Hosting;

namespace Covacha.Shared.Data;

/// <summary>
/// Brings the app's stores up to date before the app serves. The migration Job on AKS runs the
/// same migrations first; here they are a no-op unless a script is new.
/// </summary>
public sealed class MigrationHostedService(IEnumerable<ISchemaMigration> migrations) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var migration in migrations)
        {
            await migration.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
