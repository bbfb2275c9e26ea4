using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Covacha.Products.Messaging;

/// <summary>
/// Tells relays that outbox rows were committed: this process's relay at once, in memory, and
/// every replica's relay with <c>NOTIFY products_outbox</c>. The NOTIFY is sent after the
/// write's commit, in a transaction of its own and coalesced (at most one in flight per process),
/// because a NOTIFY inside each write transaction takes PostgreSQL's global notify lock through
/// the commit's WAL flush and serialises every writer (measured: ~130 creates/s at 32 clients).
/// </summary>
public sealed class OutboxSignal(NpgsqlDataSource dataSource, ILogger<OutboxSignal> logger)
{
    public const string NotifyChannel = "products_outbox";

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private int _requested;

    /// <summary>Completes a read each time there may be new rows; wake-ups coalesce.</summary>
    public ChannelReader<bool> WakeUps => _wake.Reader;

    /// <summary>Wakes this process's relay (a notification arrived, or it should look again).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Called after a commit that wrote outbox rows.</summary>
    public void Committed()
    {
        Wake();
        if (Interlocked.Increment(ref _requested) == 1)
        {
            _ = NotifyReplicasAsync();
        }
    }

    private async Task NotifyReplicasAsync()
    {
        while (true)
        {
            var covered = Volatile.Read(ref _requested);
            try
            {
                // No WAL flush to wait for: the notification is a hint; relays also poll.
                await using var batch = dataSource.CreateBatch();
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', 'off', true)"));
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"NOTIFY {NotifyChannel}"));
                await batch.ExecuteNonQueryAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogDebug(ex, "Notifying other relays failed; they will find the rows when they poll");
            }

            if (Interlocked.Add(ref _requested, -covered) == 0)
            {
                return;
            }
        }
    }
}
