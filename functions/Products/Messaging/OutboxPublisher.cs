using System.Diagnostics;
using Covacha.Shared.Events;
using Covacha.Shared.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Covacha.Products.Messaging;

/// <summary>
/// The relay's connection to the broker and its publishing with confirms: persistent, mandatory
/// messages on <c>covacha.products</c>, one product's events one after another. It reconnects by
/// itself (the client's automatic recovery is off: a recovering channel would accept publishes
/// that can never be confirmed) and keeps <see cref="BrokerStatus"/> up to date.
/// </summary>
public sealed class OutboxPublisher(
    IOptions<RabbitMqOptions> rabbitMq,
    OutboxRelaySettings settings,
    BrokerStatus broker,
    ILogger<OutboxPublisher> logger) : IAsyncDisposable
{
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>Opens a connection and a confirming channel unless one is open; false while the broker is unreachable.</summary>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return true;
        }

        await CloseAsync();
        try
        {
            _connection = await rabbitMq.Value.CreateFactory("covacha-products-relay", automaticRecovery: false)
                .CreateConnectionAsync(cancellationToken);
            _channel = await _connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                    // The default limiter starts delaying publishes at 64 outstanding confirms; a batch is bounded anyway.
                    outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(settings.BatchSize * 4)),
                cancellationToken);
            // The whole topology, not just the exchange: Search's queue must exist before its first
            // consumer does (KEDA scales the indexer from that queue's length).
            await ProductEventsTopology.DeclareAsync(_channel, cancellationToken);
            if (broker.UnreachableSince is not null)
            {
                logger.LogInformation("The broker is reachable again");
            }

            broker.MarkReachable();
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (broker.UnreachableSince is null)
            {
                logger.LogWarning(ex, "The broker is unreachable; events wait in the outbox");
            }

            broker.MarkUnreachable();
            await CloseAsync();
            return false;
        }
    }

    /// <summary>
    /// Publishes <paramref name="rows"/> and waits for the broker's confirms (or
    /// <paramref name="cancellationToken"/>, the confirm timeout). Products are published in
    /// parallel, each product's events in order: once one fails, its later events wait too.
    /// </summary>
    public async Task<OutboxPublishOutcome> PublishAsync(IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var channel = _channel ?? throw new InvalidOperationException("Not connected: call ConnectAsync first.");
        var outcomes = await Task.WhenAll(rows
            .GroupBy(r => r.ProductId)
            .Select(group => PublishInOrderAsync(channel, group.ToList(), cancellationToken)));

        var lost = !channel.IsOpen;
        if (lost)
        {
            broker.MarkUnreachable();
        }

        return new OutboxPublishOutcome(
            [.. outcomes.SelectMany(o => o.Sent)], [.. outcomes.SelectMany(o => o.Failed)], lost);
    }

    private async Task<(List<long> Sent, List<(OutboxRow, string)> Failed)> PublishInOrderAsync(
        IChannel channel, List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var sent = new List<long>(rows.Count);
        var failed = new List<(OutboxRow, string)>();
        string? error = null;
        foreach (var row in rows)
        {
            if (error is not null)
            {
                failed.Add((row, "An earlier event of this product failed: " + error));
                continue;
            }

            try
            {
                await PublishOneAsync(channel, row, cancellationToken);
                sent.Add(row.Id);
            }
            catch (PublishException ex) when (ex.IsReturn)
            {
                error = "Unroutable: no queue is bound for " + row.RoutingKey + ".";
                logger.LogWarning("Event {EventId} ({RoutingKey}) was returned as unroutable; retrying later", row.EventId, row.RoutingKey);
                failed.Add((row, error));
            }
            catch (Exception ex) when (ex is PublishException or OperationCanceledException or AlreadyClosedException
                or OperationInterruptedException or IOException or ObjectDisposedException)
            {
                error = ex is OperationCanceledException ? "No confirm within the timeout." : ex.GetType().Name + ": " + ex.Message;
                logger.LogWarning(ex, "Publish of {EventId} failed", row.EventId);
                failed.Add((row, error));
            }
        }

        return (sent, failed);
    }

    private static async Task PublishOneAsync(IChannel channel, OutboxRow row, CancellationToken cancellationToken)
    {
        using var activity = OutboxTracing.StartPublish(row.EventId, row.RoutingKey, row.Traceparent);
        var traceparent = Traceparent.Of(activity) ?? row.Traceparent;
        var properties = new BasicProperties
        {
            MessageId = row.EventId.ToString(),
            Type = row.RoutingKey,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            AppId = "covacha-products",
        };
        if (traceparent is not null)
        {
            properties.Headers = new Dictionary<string, object?> { [Traceparent.Header] = traceparent };
        }

        try
        {
            await channel.BasicPublishAsync(ProductEvents.Exchange, row.RoutingKey, mandatory: true, properties, row.Payload, cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    public async Task CloseAsync()
    {
        var channel = _channel;
        var connection = _connection;
        _channel = null;
        _connection = null;
        try
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Closing the broker connection failed");
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());
}
