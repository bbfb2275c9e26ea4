using System.Diagnostics;
using System.Threading.Channels;
using Covacha.Search.Data;
using Covacha.Search.Model;
using Covacha.Shared.Configuration;
using Covacha.Shared.Events;
using Covacha.Shared.Messaging;
using Microsoft.Extensions.Configuration;
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
    IConfiguration configuration,
    IOptions<SearchOptions> options,
    ISearchStore store,
    ConsumerState state,
    SearchMetrics metrics,
    ILogger<ProductEventConsumer> logger) : BackgroundService
{
    public static readonly ActivitySource Activities = new(SearchMetrics.MeterName);

    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = RabbitMqConnections.CreateFactory(ConnectionStrings.Required(configuration, "RabbitMQ"), "covacha-search-indexer");
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
                var delay = BackOff(attempt);
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
            await DeclareTopologyAsync(channel, settings, stoppingToken);
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
            await ProcessAsync(channel, deliveries.Reader, settings, stoppingToken);
        }
        finally
        {
            state.Detached();
        }
    }

    /// <summary>Declares what this consumer reads from; the publisher declares only the exchange.</summary>
    public static async Task DeclareTopologyAsync(IChannel channel, SearchOptions settings, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(ProductEvents.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(ProductEvents.SearchDeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(ProductEvents.SearchParkingQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(ProductEvents.SearchParkingQueue, ProductEvents.SearchDeadLetterExchange, "", cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(ProductEvents.SearchQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                // A message the broker has handed out this often (consumers crashing on it) is parked.
                ["x-delivery-limit"] = settings.MaxAttempts,
                ["x-dead-letter-exchange"] = ProductEvents.SearchDeadLetterExchange,
                ["x-dead-letter-strategy"] = "at-least-once",
                ["x-overflow"] = "reject-publish",
            }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(ProductEvents.SearchQueue, ProductEvents.Exchange, ProductEvents.BindingPattern, cancellationToken: cancellationToken);
    }

    private async Task ProcessAsync(IChannel channel, ChannelReader<Delivery> reader, SearchOptions settings, CancellationToken stoppingToken)
    {
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

            if (await TryApplyAsync(parsed, settings, stoppingToken))
            {
                continue;
            }

            // The batch keeps failing for a reason other than an unreachable store: find the culprit
            // by applying one at a time, so the good ones are not parked with it.
            foreach (var item in parsed)
            {
                if (!await TryApplyAsync([item], settings, stoppingToken))
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
                    var transient = store.IsTransient(ex);
                    if (!transient && attempt >= settings.MaxAttempts)
                    {
                        logger.LogWarning(ex, "Applying {Count} events failed {Attempts} times", items.Count, attempt);
                        return false;
                    }

                    // An unreachable store is not the message's fault: wait for it rather than park.
                    var delay = BackOff(attempt);
                    logger.LogWarning(ex, "Applying {Count} events failed (attempt {Attempt}, transient: {Transient}); retrying in {Delay}",
                        items.Count, attempt, transient, delay);
                    await Task.Delay(delay, ct);
                }
            }
        }
    }

    private static Activity? StartActivity(List<(Delivery Delivery, ProductChange Change)> items)
    {
        var parent = Traceparent.Parse(items[0].Delivery.Headers);
        var activity = Activities.StartActivity("search.apply product-events", ActivityKind.Consumer, parent);
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

    private static TimeSpan BackOff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackOff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(attempt - 1, 10))));

    private sealed record Delivery(ulong Tag, byte[] Body, string RoutingKey, IDictionary<string, object?>? Headers);
}
