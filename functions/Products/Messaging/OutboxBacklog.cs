using Npgsql;

namespace Covacha.Products.Messaging;

/// <summary>How many events wait in the outbox and how old the oldest is.</summary>
public sealed record OutboxBacklog(long Pending, double OldestPendingAgeSeconds)
{
    /// <summary>An event older than this is reported as stuck (metric and readiness detail).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public bool HasStale => OldestPendingAgeSeconds > StaleAfter.TotalSeconds;

    public static async Task<OutboxBacklog> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8
            FROM outbox WHERE sent_at IS NULL
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxBacklog(reader.GetInt64(0), Math.Max(0, reader.GetDouble(1)));
    }
}
