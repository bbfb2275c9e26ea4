using System.Diagnostics;
using Covacha.Products.Model;
using Covacha.Shared.Events;
using Covacha.Shared.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Covacha.Products.Messaging;

/// <summary>
/// Publishes committed outbox rows to <c>covacha.products</c> and marks them sent only after
/// the broker confirmed them. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so replicas
/// share the work; the relay wakes on <c>NOTIFY products_outbox</c> and on its own process's
/// commits (<see cref="OutboxSignal"/>), and polls as a fallback. A broker outage leaves rows pending (no attempt is counted) until the
/// connection is back; a nack, a return (unroutable) or a timeout counts an attempt and backs
/// the row off. Events of one product are published one after another, in outbox order.
/// </summary>
public sealed class OutboxRelay(
    NpgsqlDataSource dataSource,
    OutboxRelaySettings settings,
    OutboxSignal signal,
    BrokerStatus broker,
    OutboxMetrics metrics,
    IOptions<ProductsOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private IConnection? _connection;
    private IChannel? _channel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never hold up the host's start: the app must serve even when the broker is down.
        await Task.Yield();
        var listener = ListenAsync(stoppingToken);
        var housekeeping = HousekeepAsync(stoppingToken);
        try
        {
            await PublishLoopAsync(stoppingToken);
        }
        finally
        {
            await Task.WhenAll(listener, housekeeping);
            await CloseBrokerAsync();
        }
    }

    private async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        var reconnectDelay = settings.MinReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var channel = await EnsureChannelAsync(stoppingToken);
                if (channel is null)
                {
                    await WaitForWakeAsync(reconnectDelay, wakeEarly: false, stoppingToken);
                    reconnectDelay = TimeSpan.FromTicks(Math.Min(reconnectDelay.Ticks * 2, settings.MaxReconnectDelay.Ticks));
                    continue;
                }

                reconnectDelay = settings.MinReconnectDelay;
                var claimed = await PublishBatchAsync(channel, stoppingToken);
                if (claimed < settings.BatchSize)
                {
                    await WaitForWakeAsync(settings.PollInterval, wakeEarly: true, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay pass failed; retrying");
                await WaitForWakeAsync(settings.PollInterval, wakeEarly: false, stoppingToken);
            }
        }
    }

    /// <summary>Claims a batch, publishes it, records the outcome; returns how many rows were claimed.</summary>
    private async Task<int> PublishBatchAsync(IChannel channel, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        await using var transaction = await connection.BeginTransactionAsync(stoppingToken);
        var rows = new List<OutboxRow>(settings.BatchSize);
        await using (var claim = new NpgsqlCommand(
            """
            SELECT id, event_id, product_id, routing_key, payload, traceparent, attempts
            FROM outbox
            WHERE sent_at IS NULL AND next_attempt_at <= clock_timestamp()
            ORDER BY id
            LIMIT $1
            FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            claim.Parameters.AddWithValue(settings.BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(stoppingToken);
            while (await reader.ReadAsync(stoppingToken))
            {
                rows.Add(OutboxRow.Read(reader));
            }
        }

        if (rows.Count == 0)
        {
            await transaction.CommitAsync(stoppingToken);
            return 0;
        }

        // Not linked to stoppingToken: a batch claimed before shutdown is published and recorded
        // (bounded by the confirm timeout), so stopping neither re-sends it nor counts failed attempts.
        using var timeout = new CancellationTokenSource(settings.ConfirmTimeout);
        var outcomes = await Task.WhenAll(rows
            .GroupBy(r => r.ProductId)
            .Select(group => PublishInOrderAsync(channel, group.ToList(), timeout.Token)));

        var sent = outcomes.SelectMany(o => o.Sent).ToArray();
        var failed = outcomes.SelectMany(o => o.Failed).ToList();
        var brokerLost = !channel.IsOpen;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            if (sent.Length > 0)
            {
                var markSent = new NpgsqlBatchCommand("UPDATE outbox SET sent_at = clock_timestamp(), last_error = NULL WHERE id = ANY($1)");
                markSent.Parameters.AddWithValue(sent);
                batch.BatchCommands.Add(markSent);
            }

            // A lost connection is not the event's fault: those rows go out as soon as it is back.
            foreach (var (row, error) in brokerLost ? [] : failed)
            {
                var backOff = new NpgsqlBatchCommand(
                    """
                    UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                        next_attempt_at = clock_timestamp() + make_interval(secs => $3)
                    WHERE id = $1
                    """);
                backOff.Parameters.AddWithValue(row.Id);
                backOff.Parameters.AddWithValue(error);
                backOff.Parameters.AddWithValue(BackOff(row.Attempts + 1).TotalSeconds);
                batch.BatchCommands.Add(backOff);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        metrics.Published(sent.Length);
        if (brokerLost)
        {
            broker.MarkUnreachable();
        }

        return rows.Count;
    }

    private async Task<(List<long> Sent, List<(OutboxRow Row, string Error)> Failed)> PublishInOrderAsync(
        IChannel channel, List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var sent = new List<long>(rows.Count);
        var failed = new List<(OutboxRow, string)>();
        string? error = null;
        foreach (var row in rows)
        {
            // Once one event of a product failed, its later events wait too, so they stay in order.
            if (error is not null)
            {
                failed.Add((row, "An earlier event of this product failed: " + error));
                continue;
            }

            try
            {
                await PublishAsync(channel, row, cancellationToken);
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

    private static async Task PublishAsync(IChannel channel, OutboxRow row, CancellationToken cancellationToken)
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

    private async Task<IChannel?> EnsureChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await CloseBrokerAsync();
        try
        {
            // The relay reconnects by itself (below), so the client's own recovery is off: a
            // recovering channel would accept publishes that can never be confirmed.
            var factory = RabbitMqConnections.CreateFactory(settings.RabbitMqUri, "covacha-products-relay");
            factory.AutomaticRecoveryEnabled = false;
            factory.TopologyRecoveryEnabled = false;
            _connection = await factory.CreateConnectionAsync(cancellationToken);
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
            return _channel;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (broker.UnreachableSince is null)
            {
                logger.LogWarning(ex, "The broker is unreachable; events wait in the outbox");
            }

            broker.MarkUnreachable();
            await CloseBrokerAsync();
            return null;
        }
    }

    private async Task CloseBrokerAsync()
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

    /// <summary>Keeps a LISTEN connection open; every notification (and every reconnect) wakes the publisher.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxSignal.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Wake();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Listening for outbox notifications failed; polling until it is back");
                await Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Refreshes the backlog gauges and prunes sent rows past their retention.</summary>
    private async Task HousekeepAsync(CancellationToken stoppingToken)
    {
        var nextPrune = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.Observe(await OutboxBacklog.ReadAsync(dataSource, stoppingToken));
                if (DateTimeOffset.UtcNow >= nextPrune)
                {
                    await using var prune = dataSource.CreateCommand(
                        "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < clock_timestamp() - make_interval(hours => $1)");
                    prune.Parameters.AddWithValue(options.Value.OutboxRetentionHours);
                    var pruned = await prune.ExecuteNonQueryAsync(stoppingToken);
                    if (pruned > 0)
                    {
                        logger.LogInformation("Pruned {Count} sent outbox rows", pruned);
                    }

                    nextPrune = DateTimeOffset.UtcNow + settings.PruneInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox housekeeping failed");
            }

            await Delay(settings.MetricsInterval, stoppingToken);
        }
    }

    private async Task WaitForWakeAsync(TimeSpan timeout, bool wakeEarly, CancellationToken stoppingToken)
    {
        if (!wakeEarly)
        {
            await Delay(timeout, stoppingToken);
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(timeout);
        try
        {
            await signal.WakeUps.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Poll interval elapsed without a notification: look anyway (back-offs expire, NOTIFY can be missed).
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to a minute between attempts of one event.</summary>
    public static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Clamp(attempts - 1, 0, 10))));

    private sealed record OutboxRow(
        long Id, Guid EventId, Guid ProductId, string RoutingKey, byte[] Payload, string? Traceparent, int Attempts)
    {
        // The row is already buffered by ReadAsync (no sequential access), so these reads do not block.
        public static OutboxRow Read(NpgsqlDataReader r) => new(
            r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetFieldValue<byte[]>(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6));
    }
}
