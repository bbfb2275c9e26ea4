using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>
/// Fixed-window attempt counters in PostgreSQL, shared by every replica. An attempt is counted
/// before the work it guards (a password hash) by one upsert that also returns the counts, so
/// requests racing in parallel each see their own place in the count and at most the limit
/// of them go ahead, however many replicas serve them.
/// </summary>
public sealed class AttemptThrottle(NpgsqlDataSource dataSource)
{
    /// <summary>Counts are capped so a flood cannot overflow them; anything at the cap is over every limit.</summary>
    private const int Cap = 1_000_000;

    /// <summary>The account's key; an over-long email (which no account has) is hashed so the key fits the index.</summary>
    public static string AccountKey(string email) => email.Length <= Security.AccountRules.MaxEmailLength
        ? "account:" + email
        : "account:sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email)));

    public static string AddressKey(string address) => "address:" + address;

    public static string RegistrationAddressKey(string address) => "register:address:" + address;

    public const string RegistrationKey = "register:all";

    /// <summary>
    /// Records one attempt against every key and returns how long the caller must wait when any
    /// key is over its limit (this attempt included), else null. The keys are locked in ordinal
    /// order, so concurrent calls sharing keys never deadlock.
    /// </summary>
    public async Task<TimeSpan?> AttemptAsync(IReadOnlyCollection<ThrottleLimit> limits, CancellationToken cancellationToken)
    {
        var ordered = limits.DistinctBy(l => l.Key).OrderBy(l => l.Key, StringComparer.Ordinal).ToArray();
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO throttle AS t (key, window_ends_at, attempts)
            SELECT k, now() + make_interval(secs => w), 1
            FROM unnest($1::text[], $2::double precision[]) WITH ORDINALITY AS u(k, w, n)
            ORDER BY n
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN t.window_ends_at <= now() THEN 1 ELSE least(t.attempts + 1, $3) END,
                window_ends_at = CASE WHEN t.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE t.window_ends_at END
            RETURNING key, attempts, extract(epoch FROM window_ends_at - now())::double precision
            """);
        command.Parameters.AddWithValue(ordered.Select(l => l.Key).ToArray());
        command.Parameters.AddWithValue(ordered.Select(l => l.Window.TotalSeconds).ToArray());
        command.Parameters.AddWithValue(Cap);
        var byKey = ordered.ToDictionary(l => l.Key, StringComparer.Ordinal);
        TimeSpan? wait = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var limit = byKey[reader.GetString(0)];
            if (reader.GetInt32(1) > limit.Max)
            {
                // now() is each transaction's start: one that began before the window's opener
                // committed sees a little more than the window left, so the wait is capped by it.
                var seconds = Math.Clamp(Math.Ceiling(reader.GetDouble(2)), 1, Math.Ceiling(limit.Window.TotalSeconds));
                var remaining = TimeSpan.FromSeconds(seconds);
                wait = wait is { } w && w > remaining ? w : remaining;
            }
        }

        return wait;
    }

    /// <summary>Takes back one attempt that turned out not to count (a success, or work never done).</summary>
    public async Task ForgiveAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE throttle SET attempts = attempts - 1 WHERE key = $1 AND attempts > 0 AND window_ends_at > now()");
        command.Parameters.AddWithValue(key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Clears a key's count (a successful login clears its account's).</summary>
    public async Task ResetAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM throttle WHERE key = $1");
        command.Parameters.AddWithValue(key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>At most <paramref name="Max"/> attempts per <paramref name="Window"/> for <paramref name="Key"/>.</summary>
public readonly record struct ThrottleLimit(string Key, int Max, TimeSpan Window);
