using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>
/// Refresh token families in <c>refresh_tokens</c>. Rotation locks the presented token's row
/// (<c>SELECT ... FOR UPDATE</c>) so two concurrent refreshes with the same token cannot both
/// succeed: the second sees it spent and revokes the family.
/// </summary>
public sealed class RefreshTokenStore(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, TimeProvider clock)
{
    public TimeSpan Lifetime => TimeSpan.FromDays(options.Value.RefreshTokenLifetimeDays);

    /// <summary>Starts a new family for a fresh login.</summary>
    public async Task<string> StartFamilyAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await InsertAsync(connection, null, userId, Guid.NewGuid(), cancellationToken);
    }

    /// <summary>Spends <paramref name="token"/> and issues its successor, in one transaction.</summary>
    public async Task<RotationResult> RotateAsync(string token, CancellationToken cancellationToken)
    {
        if (!RefreshTokenCodec.LooksValid(token))
        {
            return RotationResult.Rejected(RotationOutcome.Unknown);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid id, familyId, userId;
        bool expired, spent, revoked;
        await using (var select = new NpgsqlCommand(
            """
            SELECT id, family_id, user_id, expires_at <= $2, spent_at IS NOT NULL, revoked_at IS NOT NULL
            FROM refresh_tokens WHERE token_hash = $1
            FOR UPDATE
            """, connection, transaction))
        {
            select.Parameters.AddWithValue(RefreshTokenCodec.Hash(token));
            select.Parameters.AddWithValue(clock.GetUtcNow());
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return RotationResult.Rejected(RotationOutcome.Unknown);
            }

            (id, familyId, userId) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2));
            (expired, spent, revoked) = (reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
        }

        if (revoked)
        {
            return RotationResult.Rejected(RotationOutcome.Revoked);
        }

        if (spent)
        {
            await RevokeFamilyAsync(connection, transaction, familyId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return RotationResult.Rejected(RotationOutcome.Reused);
        }

        if (expired)
        {
            return RotationResult.Rejected(RotationOutcome.Expired);
        }

        await using (var spend = new NpgsqlCommand("UPDATE refresh_tokens SET spent_at = now() WHERE id = $1", connection, transaction))
        {
            spend.Parameters.AddWithValue(id);
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }

        var next = await InsertAsync(connection, transaction, userId, familyId, cancellationToken);
        UserAccount? user;
        await using (var read = new NpgsqlCommand(
            $"SELECT {UserStore.Columns} FROM users WHERE id = $1", connection, transaction))
        {
            read.Parameters.AddWithValue(userId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            user = await reader.ReadAsync(cancellationToken) ? UserStore.Read(reader) : null;
        }

        if (user is null)
        {
            return RotationResult.Rejected(RotationOutcome.Unknown);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RotationResult(RotationOutcome.Rotated, next, user);
    }

    /// <summary>Revokes the family <paramref name="token"/> belongs to; false when it is unknown.</summary>
    public async Task<bool> RevokeFamilyOfAsync(string token, CancellationToken cancellationToken)
    {
        if (!RefreshTokenCodec.LooksValid(token))
        {
            return false;
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE refresh_tokens SET revoked_at = now()
            WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)
              AND revoked_at IS NULL
            """);
        command.Parameters.AddWithValue(RefreshTokenCodec.Hash(token));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<string> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId, Guid familyId,
        CancellationToken cancellationToken)
    {
        var token = RefreshTokenCodec.NewToken();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO refresh_tokens (id, token_hash, family_id, user_id, expires_at)
            VALUES ($1, $2, $3, $4, $5)
            """, connection, transaction);
        insert.Parameters.AddWithValue(Guid.CreateVersion7());
        insert.Parameters.AddWithValue(RefreshTokenCodec.Hash(token));
        insert.Parameters.AddWithValue(familyId);
        insert.Parameters.AddWithValue(userId);
        insert.Parameters.AddWithValue(clock.GetUtcNow() + Lifetime);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    private static async Task RevokeFamilyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid familyId,
        CancellationToken cancellationToken)
    {
        await using var revoke = new NpgsqlCommand(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL", connection, transaction);
        revoke.Parameters.AddWithValue(familyId);
        await revoke.ExecuteNonQueryAsync(cancellationToken);
    }
}

public enum RotationOutcome
{
    Rotated,
    Unknown,
    Expired,
    Revoked,
    Reused,
}

public sealed record RotationResult(RotationOutcome Outcome, string? Token, UserAccount? User)
{
    public static RotationResult Rejected(RotationOutcome outcome) => new(outcome, null, null);
}
