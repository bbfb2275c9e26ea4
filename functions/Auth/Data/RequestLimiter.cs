using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>
/// Fixed-window limits for requests that send mail, shared by every replica. A request is
/// counted before it does anything, in one statement, so a parallel burst cannot race past the
/// limit: the (limit+1)th request in a window is refused.
/// </summary>
public sealed class RequestLimiter(NpgsqlDataSource dataSource)
{
    /// <summary>A key whose variable part is hashed, so an over-long or odd value still fits and no address sits in it in clear.</summary>
    public static string Key(string kind, string value) =>
        kind + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value.ToLowerInvariant())))[..32];

    /// <summary>Counts one request; null when it is within the limit, else how long until the window ends.</summary>
    public async Task<TimeSpan?> CountAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO request_limits AS l (key, window_started_at, count) VALUES ($1, now(), 1)
            ON CONFLICT (key) DO UPDATE SET
                count = CASE WHEN l.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE l.count + 1 END,
                window_started_at = CASE WHEN l.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE l.window_started_at END
            RETURNING count, window_started_at + make_interval(secs => $2) - now()
            """);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(window.TotalSeconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt32(0);
        var left = reader.GetTimeSpan(1);
        return count <= limit ? null : (left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1));
    }
}
