using Covacha.Auth.Security;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>SQL for <c>account_tokens</c>: the single-use links mailed for verification, reset and email change.</summary>
public static class AccountTokenStore
{
    public const string VerifyEmail = "verify-email";
    public const string ResetPassword = "reset-password";
    public const string ChangeEmail = "change-email";

    /// <summary>Stores a new token for the user (inside the caller's transaction) and returns the token for the link.</summary>
    public static async Task<string> IssueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId, string purpose,
        TimeSpan lifetime, string? newEmail, CancellationToken cancellationToken)
    {
        var (token, hash) = AccountTokenCodec.New(userId);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO account_tokens (id, token_hash, user_id, purpose, new_email, expires_at)
            VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
            """, connection, transaction);
        insert.Parameters.AddWithValue(Guid.CreateVersion7());
        insert.Parameters.AddWithValue(hash);
        insert.Parameters.AddWithValue(userId);
        insert.Parameters.AddWithValue(purpose);
        insert.Parameters.AddWithValue(newEmail is null ? DBNull.Value : newEmail);
        insert.Parameters.AddWithValue(lifetime.TotalSeconds);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Spends a token in one statement (two concurrent uses cannot both win): it must be well formed,
    /// name its own user, have one of <paramref name="purposes"/>, be unspent and unexpired.
    /// </summary>
    public static async Task<SpentToken?> SpendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? token,
        string[] purposes, CancellationToken cancellationToken)
    {
        if (AccountTokenCodec.Parse(token) is not { } parsed)
        {
            return null;
        }

        await using var spend = new NpgsqlCommand(
            """
            UPDATE account_tokens SET spent_at = now()
            WHERE token_hash = $1 AND user_id = $2 AND purpose = ANY($3) AND spent_at IS NULL AND expires_at > now()
            RETURNING user_id, purpose, new_email
            """, connection, transaction);
        spend.Parameters.AddWithValue(parsed.Hash);
        spend.Parameters.AddWithValue(parsed.UserId);
        spend.Parameters.AddWithValue(purposes);
        await using var reader = await spend.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var newEmail = await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetString(2);
        return new SpentToken(reader.GetGuid(0), reader.GetString(1), newEmail);
    }

    /// <summary>Spends every unspent token of the user with that purpose (a reset succeeded: the other links die).</summary>
    public static async Task SpendAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, string purpose,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE account_tokens SET spent_at = now() WHERE user_id = $1 AND purpose = $2 AND spent_at IS NULL",
            connection, transaction);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(purpose);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed record SpentToken(Guid UserId, string Purpose, string? NewEmail);
