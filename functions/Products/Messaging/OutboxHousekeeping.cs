using Covacha.Products.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Covacha.Products.Messaging;

/// <summary>
/// Keeps the backlog gauges (<see cref="OutboxMetrics"/>) current and prunes sent rows older than
/// <see cref="ProductsOptions.OutboxRetentionHours"/> (kept meanwhile for diagnosis).
/// </summary>
public sealed class OutboxHousekeeping(
    OutboxRepository repository,
    OutboxMetrics metrics,
    OutboxRelaySettings settings,
    IOptions<ProductsOptions> options,
    TimeProvider clock,
    ILogger<OutboxHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var nextPrune = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.Observe(await repository.ReadBacklogAsync(stoppingToken));
                if (clock.GetUtcNow() >= nextPrune)
                {
                    var pruned = await repository.PruneAsync(options.Value.OutboxRetentionHours, stoppingToken);
                    if (pruned > 0)
                    {
                        logger.LogInformation("Pruned {Count} sent outbox rows", pruned);
                    }

                    nextPrune = clock.GetUtcNow() + settings.PruneInterval;
                }

                await Task.Delay(settings.MetricsInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox housekeeping failed");
                try
                {
                    await Task.Delay(settings.MetricsInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
