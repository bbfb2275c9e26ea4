using Npgsql;

namespace Covacha.Products.Messaging;

/// <summary>
/// The relay's and housekeeping's SQL on the <c>outbox</c> table (rows are written by
/// <see cref="Data.ProductStore"/> in the product's own transaction): claim due rows, record
/// their outcome, read the backlog, prune what was sent long ago.
/// </summary>
public sealed class OutboxRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Locks up to <paramref name="batchSize"/> due rows, oldest first, skipping rows another relay
    /// holds, so replicas share the work without publishing a row twice.
    /// </summary>
    public async Task<OutboxClaim> ClaimAsync(int batchSize, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = new List<OutboxRow>(batchSize);
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
                claim.Parameters.AddWithValue(batchSize);
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(OutboxRow.Read(reader));
                }
            }

            return new OutboxClaim(connection, transaction, rows);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<OutboxBacklog> ReadBacklogAsync(CancellationToken cancellationToken)
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

    /// <summary>Deletes rows sent more than <paramref name="retentionHours"/> ago; pending rows are never pruned.</summary>
    public async Task<int> PruneAsync(int retentionHours, CancellationToken cancellationToken)
    {
        await using var prune = dataSource.CreateCommand(
            "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < clock_timestamp() - make_interval(hours => $1)");
        prune.Parameters.AddWithValue(retentionHours);
        return await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}
