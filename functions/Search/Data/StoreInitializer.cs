using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Covacha.Search.Data;

/// <summary>Prepares the store at start-up (MongoDB's indexes); a store that is down does not stop the app.</summary>
public sealed class StoreInitializer(ISearchStore store, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (store.IsTransient(ex))
        {
            logger.LogError(ex, "The search store is not reachable at start-up; readiness will report it");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
