using Covacha.Products.Model;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Products.Data;

/// <summary>
/// At most <see cref="ProductsOptions.CreatesPerUser"/> creates per user and window, so no
/// account can grow the catalogue (and every index built from it) without bound. The create
/// is counted before it is written, by one upsert that returns the count: of a parallel burst
/// at most the limit get through, on any number of replicas.
/// </summary>
public sealed class CreateLimit(NpgsqlDataSource dataSource, IOptions<ProductsOptions> options)
{
    private const int Cap = 1_000_000;

    /// <summary>Counts one create for <paramref name="userId"/>; how long to wait when over the limit, else null.</summary>
    public async Task<TimeSpan?> AttemptAsync(Guid userId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO create_limits AS c (user_id, window_ends_at, creates)
            VALUES ($1, now() + make_interval(secs => $2), 1)
            ON CONFLICT (user_id) DO UPDATE SET
                creates = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE least(c.creates + 1, $3) END,
                window_ends_at = CASE WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
            RETURNING creates, extract(epoch FROM window_ends_at - now())::double precision
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue((double)limits.CreateWindowSeconds);
        command.Parameters.AddWithValue(Cap);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt32(0) > limits.CreatesPerUser
            ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(reader.GetDouble(1))))
            : null;
    }

    /// <summary>
    /// Drops <paramref name="userId"/>'s count (the account is gone): the table holds one row per
    /// user who has listed something and is still registered.
    /// </summary>
    public async Task ForgetAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM create_limits WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
