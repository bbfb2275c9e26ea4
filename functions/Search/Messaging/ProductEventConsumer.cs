using System.Diagnostics;
using System.Threading.Channels;
using Covacha.Search.Data;
using Covacha.Search.Model;
using Covacha.Shared.Events;
using Covacha.Shared.Messaging;
using Covacha.Shared.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Covacha.Search.Messaging;

/// <summary>
/// Feeds the read model from <c>covacha.products</c>, keeping the RabbitMQ trigger's contract and
/// doing better where it is weak: prefetch, manual ack after the write, bounded attempts with
/// back-off then the parking queue, automatic recovery. Deliveries are applied in batches (one
/// write for everything the prefetch window holds) and acknowledged one by one afterwards.
/// The app starts even when the broker is down; this service keeps trying to attach.
/// </summary>
public sealed class ProductEventConsumer(
    IOptions<RabbitMqOptions> rabbitMq,
    IOptions<SearchOptions> options,
    ISearchStore store,
    ConsumerState state,
    SearchMetrics metrics,
    ILogger<ProductEventConsumer> logger) : BackgroundService
{
    public static readonly ActivitySource Activities = new(SearchMetrics.MeterName);

    /// <summary>Between tries to attach to the queue, and between attempts at applying a batch.</summary>
    private static readonly Backoff Retry = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    /// <summary>How long a write in progress at shutdown may still take (well inside the pods' grace period).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ReturnTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = rabbitMq.Value.CreateFactory("covacha-search-indexer");
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await RunSessionAsync(factory, options.Value, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never let a broker problem stop the host: keep trying, readiness says 503 meanwhile.
                var delay = Retry.Delay(attempt);
                logger.LogWarning(ex, "Could not attach to {Queue} (attempt {Attempt}); retrying in {Delay}", ProductEvents.SearchQueue, attempt, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunSessionAsync(ConnectionFactory factory, SearchOptions settings, CancellationToken stoppingToken)
    {
        // Per session: delivery tags belong to the channel that received them.
        var deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
        await using var connection = await factory.CreateConnectionAsync(stoppingToken);
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
            channel.ChannelShutdownAsync += (_, e) =>
            {
                // A lost connection is recovered by the client; a channel the broker closed while the
                // connection stays up is not, so start a new session.
                if (e.Initiator != ShutdownInitiator.Application && connection.IsOpen)
                {
                    deliveries.Writer.TryComplete(new InvalidOperationException($"The broker closed the channel: {e.ReplyText}"));
                }

                return Task.CompletedTask;
            };
            await ProductEventsTopology.DeclareAsync(channel, stoppingToken);
            await channel.BasicQosAsync(0, settings.Prefetch, global: false, stoppingToken);

            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, e) =>
            {
                // The body is only valid during this callback.
                deliveries.Writer.TryWrite(new Delivery(e.DeliveryTag, e.Body.ToArray(), e.RoutingKey, e.BasicProperties.Headers));
                return Task.CompletedTask;
            };
            var tag = await channel.BasicConsumeAsync(ProductEvents.SearchQueue, autoAck: false, consumer, stoppingToken);
            state.Attached(channel, tag);
            logger.LogInformation("Consuming {Queue} with prefetch {Prefetch}", ProductEvents.SearchQueue, settings.Prefetch);
            try
            {
                await ProcessAsync(channel, deliveries.Reader, settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await ReturnHeldAsync(channel, tag);
                throw;
            }
        }
        finally
        {
            state.Detached();
        }
    }

    /// <summary>
    /// On shutdown: stop taking deliveries and hand back, requeued, everything received but not
    /// acknowledged (never parked: stopping is not the message's fault). Closing the channel would
    /// return them too, but only after the broker notices; this is immediate and explicit.
    /// </summary>
    private async Task ReturnHeldAsync(IChannel channel, string consumerTag)
    {
        using var timeout = new CancellationTokenSource(ReturnTimeout);
        try
        {
            await channel.BasicCancelAsync(consumerTag, noWait: false, timeout.Token);
            // Delivery tag 0 with multiple: every delivery on this channel not yet settled.
            await channel.BasicNackAsync(0, multiple: true, requeue: true, timeout.Token);
            logger.LogInformation("Stopped consuming {Queue}; unacknowledged deliveries returned to it", ProductEvents.SearchQueue);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The broker returns them anyway when the connection closes.
            logger.LogWarning(ex, "Could not return the held deliveries explicitly; closing the channel returns them");
        }
    }

    private async Task ProcessAsync(IChannel channel, ChannelReader<Delivery> reader, SearchOptions settings, CancellationToken stoppingToken)
    {
        // A batch already being written may finish after the stop signal (then it is acknowledged),
        // within DrainTimeout; nothing new is started.
        using var drain = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => drain.CancelAfter(DrainTimeout));
        var batch = new List<Delivery>(settings.Prefetch);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < settings.Prefetch && reader.TryRead(out var delivery))
            {
                batch.Add(delivery);
            }

            var parsed = new List<(Delivery Delivery, ProductChange Change)>(batch.Count);
            foreach (var delivery in batch)
            {
                var (change, problem) = EventParser.Parse(delivery.Body, delivery.RoutingKey);
                if (change is null)
                {
                    logger.LogError("Parking message {DeliveryTag} on {RoutingKey}: {Problem}", delivery.Tag, delivery.RoutingKey, problem);
                    await SettleAsync(channel, delivery, park: true);
                    metrics.Parked("invalid");
                    continue;
                }

                parsed.Add((delivery, change));
            }

            if (parsed.Count == 0)
            {
                continue;
            }

            if (await TryApplyAsync(parsed, settings, drain.Token))
            {
                continue;
            }

            // The batch keeps failing for a reason other than an unreachable store: find the culprit
            // by applying one at a time, so the good ones are not parked with it.
            foreach (var item in parsed)
            {
                if (!await TryApplyAsync([item], settings, drain.Token))
                {
                    logger.LogError("Parking event for product {ProductId} v{Version} after {Attempts} attempts",
                        item.Change.ProductId, item.Change.Version, settings.MaxAttempts);
                    await SettleAsync(channel, item.Delivery, park: true);
                    metrics.Parked("failed");
                }
            }
        }

        async Task<bool> TryApplyAsync(List<(Delivery Delivery, ProductChange Change)> items, SearchOptions settings, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var activity = StartActivity(items);
                try
                {
                    var applied = await store.ApplyAsync(items.Select(i => i.Change).ToList(), ct);
                    metrics.Applied(applied);
                    var now = DateTimeOffset.UtcNow;
                    foreach (var item in items)
                    {
                        metrics.Lag(now - item.Change.OccurredAt);
                        await SettleAsync(channel, item.Delivery, park: false);
                    }

                    return true;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    // Stopping: no more attempts; the deliveries go back to the queue unparked.
                    stoppingToken.ThrowIfCancellationRequested();
                    var transient = store.IsTransient(ex);
                    if (!transient && attempt >= settings.MaxAttempts)
                    {
                        logger.LogWarning(ex, "Applying {Count} events failed {Attempts} times", items.Count, attempt);
                        return false;
                    }

                    // An unreachable store is not the message's fault: wait for it rather than park.
                    var delay = Retry.Delay(attempt);
                    logger.LogWarning(ex, "Applying {Count} events failed (attempt {Attempt}, transient: {Transient}); retrying in {Delay}",
                        items.Count, attempt, transient, delay);
                    await Task.Delay(delay, stoppingToken);
                }
            }
        }
    }

    /// <summary>
    /// One span for the batch's write. When its messages carry one trace context, the span continues
    /// that trace (its parent is the relay's publish span); a batch that mixes several links each
    /// of them instead, so it shows up from every trace.
    /// </summary>
    private static Activity? StartActivity(List<(Delivery Delivery, ProductChange Change)> items)
    {
        var contexts = items.Select(i => Traceparent.Parse(i.Delivery.Headers)).Where(c => c != default).Distinct().ToList();
        var activity = contexts.Count == 1
            ? Activities.StartActivity("search.apply product-events", ActivityKind.Consumer, contexts[0])
            : Activities.StartActivity("search.apply product-events", ActivityKind.Consumer, default(ActivityContext),
                links: contexts.Select(c => new ActivityLink(c)));
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", ProductEvents.SearchQueue);
        activity?.SetTag("messaging.batch.message_count", items.Count);
        return activity;
    }

    private async Task SettleAsync(IChannel channel, Delivery delivery, bool park)
    {
        try
        {
            if (park)
            {
                // Rejected without requeue: the queue's dead-letter exchange moves it to the parking queue.
                await channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: false);
            }
            else
            {
                await channel.BasicAckAsync(delivery.Tag, multiple: false);
            }
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The broker will deliver it again after recovery; applying is idempotent by version.
            logger.LogWarning(ex, "Could not settle delivery {DeliveryTag}; it will be redelivered", delivery.Tag);
        }
    }

    private sealed record Delivery(ulong Tag, byte[] Body, string RoutingKey, IDictionary<string, object?>? Headers);
}
