using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Covacha.Shared.Data;

public static class MigrationCommand
{
    public const string Argument = "--migrate";

    /// <summary>
    /// Applies the app's schema migrations and nothing else: what the AKS migration Job runs
    /// (<c>dotnet Covacha.App.dll --migrate</c>) before the new version rolls out.
    /// </summary>
    public static async Task MigrateDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        foreach (var migration in services.GetServices<IHostedService>().OfType<MigrationHostedService>())
        {
            await migration.StartAsync(cancellationToken);
        }
    }
}
