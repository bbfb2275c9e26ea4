using Npgsql;

namespace Covacha.Products.Messaging;

/// <summary>
/// A batch of outbox rows locked (<c>FOR UPDATE SKIP LOCKED</c>) by one relay until
/// <see cref="CompleteAsync"/> records what happened to them; disposing without completing rolls
/// back, so the rows are simply pending again.
/// </summary>
public sealed class OutboxClaim : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    internal OutboxClaim(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxRow> rows)
    {
        _connection = connection;
        _transaction = transaction;
        Rows = rows;
    }

    public IReadOnlyList<OutboxRow> Rows { get; }

    /// <summary>
    /// Marks <paramref name="sent"/> sent, counts an attempt for each failure and backs it off, and
    /// releases the claim. Not cancellable: what the broker confirmed must be recorded, or it is sent twice.
    /// </summary>
    public async Task CompleteAsync(IReadOnlyCollection<long> sent, IReadOnlyCollection<OutboxFailure> failed)
    {
        await using (var batch = new NpgsqlBatch(_connection, _transaction))
        {
            if (sent.Count > 0)
            {
                var markSent = new NpgsqlBatchCommand("UPDATE outbox SET sent_at = clock_timestamp(), last_error = NULL WHERE id = ANY($1)");
                markSent.Parameters.AddWithValue(sent.ToArray());
                batch.BatchCommands.Add(markSent);
            }

            foreach (var failure in failed)
            {
                var backOff = new NpgsqlBatchCommand(
                    """
                    UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                        next_attempt_at = clock_timestamp() + make_interval(secs => $3)
                    WHERE id = $1
                    """);
                backOff.Parameters.AddWithValue(failure.Row.Id);
                backOff.Parameters.AddWithValue(failure.Error);
                backOff.Parameters.AddWithValue(failure.RetryIn.TotalSeconds);
                batch.BatchCommands.Add(backOff);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        await _transaction.CommitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
