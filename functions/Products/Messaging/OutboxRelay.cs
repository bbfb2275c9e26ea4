using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Covacha.Products.Messaging;

/// <summary>
/// Moves committed outbox rows to the broker: claims a batch (<see cref="OutboxRepository"/>),
/// publishes it with confirms (<see cref="OutboxPublisher"/>) and records the outcome, so a row is
/// marked sent only after the broker confirmed it. It wakes on <c>NOTIFY products_outbox</c> and
/// on its own process's commits (<see cref="OutboxSignal"/>), and polls as a fallback. A broker
/// outage leaves rows pending (no attempt is counted) until the connection is back; a nack, a
/// return (unroutable) or a timeout counts an attempt and backs the row off.
/// </summary>
public sealed class OutboxRelay(
    OutboxRepository repository,
    OutboxPublisher publisher,
    OutboxSignal signal,
    OutboxMetrics metrics,
    OutboxRelaySettings settings,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never hold up the host's start: the app must serve even when the broker is down.
        await Task.Yield();
        var listener = signal.ListenAsync(settings.Reconnect, stoppingToken);
        try
        {
            await PublishLoopAsync(stoppingToken);
        }
        finally
        {
            await listener;
            await publisher.CloseAsync();
        }
    }

    private async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        var unreachable = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await publisher.ConnectAsync(stoppingToken))
                {
                    await Task.Delay(settings.Reconnect.Delay(++unreachable), stoppingToken);
                    continue;
                }

                unreachable = 0;
                if (await RelayBatchAsync(stoppingToken) < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay pass failed; retrying");
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims a batch, publishes it, records the outcome; returns how many rows were claimed.</summary>
    private async Task<int> RelayBatchAsync(CancellationToken stoppingToken)
    {
        await using var claim = await repository.ClaimAsync(settings.BatchSize, stoppingToken);
        if (claim.Rows.Count == 0)
        {
            return 0;
        }

        // Not linked to stoppingToken: a batch claimed before shutdown is published and recorded
        // (bounded by the confirm timeout), so stopping neither re-sends it nor counts failed attempts.
        using var timeout = new CancellationTokenSource(settings.ConfirmTimeout);
        var outcome = await publisher.PublishAsync(claim.Rows, timeout.Token);

        // A lost connection is not the events' fault: those rows go out as soon as it is back.
        var failed = outcome.ConnectionLost
            ? []
            : outcome.Failed.Select(f => new OutboxFailure(f.Row, f.Error, settings.EventRetry.Delay(f.Row.Attempts + 1))).ToList();
        await claim.CompleteAsync(outcome.Sent, failed);
        metrics.Published(outcome.Sent.Count);
        return claim.Rows.Count;
    }
}
