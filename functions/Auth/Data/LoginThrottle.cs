using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>
/// Counts failed logins per account and per client address in PostgreSQL (fixed windows), so
/// every replica sees the same counts. A key over its limit is refused until its window ends.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, IOptions<AuthOptions> options)
{
    /// <summary>The account's key; an over-long email (which no account has) is hashed so the key fits the index.</summary>
    public static string AccountKey(string email) => email.Length <= Security.AccountRules.MaxEmailLength
        ? "account:" + email
        : "account:sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)));

    public static string AddressKey(string address) => "address:" + address;

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.Throttle.WindowSeconds);

    /// <summary>How long the caller must wait, or null when both keys are under their limits.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string accountKey, string addressKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT max(window_started_at + make_interval(secs => $3) - now())
            FROM login_throttle
            WHERE window_started_at > now() - make_interval(secs => $3)
              AND ((key = $1 AND failures >= $4) OR (key = $2 AND failures >= $5))
            """);
        command.Parameters.AddWithValue(accountKey);
        command.Parameters.AddWithValue(addressKey);
        command.Parameters.AddWithValue((double)options.Value.Throttle.WindowSeconds);
        command.Parameters.AddWithValue(options.Value.Throttle.AccountFailures);
        command.Parameters.AddWithValue(options.Value.Throttle.AddressFailures);
        var wait = await command.ExecuteScalarAsync(cancellationToken);
        return wait is TimeSpan span ? (span > TimeSpan.Zero ? span : TimeSpan.FromSeconds(1)) : null;
    }

    public async Task RecordFailureAsync(string accountKey, string addressKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO login_throttle AS t (key, window_started_at, failures)
            SELECT k, now(), 1 FROM unnest(ARRAY[$1, $2]) AS k
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
                window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => $3) THEN now() ELSE t.window_started_at END
            """);
        command.Parameters.AddWithValue(accountKey);
        command.Parameters.AddWithValue(addressKey);
        command.Parameters.AddWithValue(Window.TotalSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A successful login clears the account's count (not the address's: one address may try many accounts).</summary>
    public async Task ResetAsync(string accountKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM login_throttle WHERE key = $1");
        command.Parameters.AddWithValue(accountKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
