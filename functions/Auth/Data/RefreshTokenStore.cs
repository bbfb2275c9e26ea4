using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>
/// Sessions as refresh token families: a row in <c>refresh_families</c> per login and its tokens
/// in <c>refresh_tokens</c>. Whatever changes a family (a rotation, a revocation of any kind)
/// first locks its row (<c>SELECT ... FOR UPDATE</c> or an <c>UPDATE</c> of it), so they take
/// turns: a logout waits for a rotation in flight and the successor that rotation minted dies
/// with the family, and two refreshes with one token cannot both succeed. A token is good only
/// while it is unspent, unexpired and its family is neither revoked nor past its absolute end.
/// </summary>
public sealed class RefreshTokenStore(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>The sliding lifetime: how long each token lives.</summary>
    public TimeSpan Lifetime => TimeSpan.FromDays(options.Value.RefreshTokenLifetimeDays);

    /// <summary>The absolute lifetime of a session, counted from its login.</summary>
    public TimeSpan SessionLifetime => TimeSpan.FromDays(options.Value.SessionLifetimeDays);

    /// <summary>Starts a new family (a session) for a fresh login.</summary>
    public async Task<string> StartFamilyAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var familyId = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var family = new NpgsqlCommand(
            """
            INSERT INTO refresh_families (id, user_id, created_at, last_used_at, expires_at)
            VALUES ($1, $2, $3, $3, $4)
            """, connection, transaction))
        {
            family.Parameters.AddWithValue(familyId);
            family.Parameters.AddWithValue(userId);
            family.Parameters.AddWithValue(now);
            family.Parameters.AddWithValue(now + SessionLifetime);
            await family.ExecuteNonQueryAsync(cancellationToken);
        }

        var token = await InsertAsync(connection, transaction, userId, familyId, Min(now + Lifetime, now + SessionLifetime), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>Spends <paramref name="token"/> and issues its successor, holding the family's lock.</summary>
    public async Task<RotationResult> RotateAsync(string token, CancellationToken cancellationToken)
    {
        if (!RefreshTokenCodec.LooksValid(token))
        {
            return RotationResult.Rejected(RotationOutcome.Unknown);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Guid id, familyId, userId;
        bool tokenExpired, spent, familyRevoked, familyExpired, suspended;
        DateTimeOffset familyEnds;
        // The family row is locked first, in a statement of its own: every change to a family's
        // tokens happens under that lock, and the next statement (a fresh snapshot under READ
        // COMMITTED) then sees whatever the previous holder committed, such as the token spent.
        await using (var lockFamily = new NpgsqlCommand(
            """
            SELECT id FROM refresh_families
            WHERE id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)
            FOR UPDATE
            """, connection, transaction))
        {
            lockFamily.Parameters.AddWithValue(RefreshTokenCodec.Hash(token));
            if (await lockFamily.ExecuteScalarAsync(cancellationToken) is null)
            {
                return RotationResult.Rejected(RotationOutcome.Unknown);
            }
        }

        await using (var select = new NpgsqlCommand(
            """
            SELECT t.id, t.family_id, t.user_id, t.expires_at <= $2, t.spent_at IS NOT NULL,
                   f.revoked_at IS NOT NULL OR t.revoked_at IS NOT NULL, f.expires_at <= $2, f.expires_at,
                   u.suspended_at IS NOT NULL
            FROM refresh_tokens t
            JOIN refresh_families f ON f.id = t.family_id
            JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = $1
            """, connection, transaction))
        {
            select.Parameters.AddWithValue(RefreshTokenCodec.Hash(token));
            select.Parameters.AddWithValue(now);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return RotationResult.Rejected(RotationOutcome.Unknown);
            }

            (id, familyId, userId) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2));
            (tokenExpired, spent, familyRevoked, familyExpired) = (reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5), reader.GetBoolean(6));
            familyEnds = await reader.GetFieldValueAsync<DateTimeOffset>(7, cancellationToken);
            suspended = reader.GetBoolean(8);
        }

        // Checked first, so a suspended user hears why (the suspension also revoked the family).
        if (suspended)
        {
            return RotationResult.Rejected(RotationOutcome.Suspended);
        }

        if (familyRevoked)
        {
            return RotationResult.Rejected(RotationOutcome.Revoked);
        }

        if (spent)
        {
            // Someone else holds a copy of this family's tokens: end the session for both.
            await RevokeFamilyAsync(connection, transaction, familyId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return RotationResult.Rejected(RotationOutcome.Reused);
        }

        if (tokenExpired || familyExpired)
        {
            return RotationResult.Rejected(RotationOutcome.Expired);
        }

        await using (var spend = new NpgsqlCommand("UPDATE refresh_tokens SET spent_at = $2 WHERE id = $1", connection, transaction))
        {
            spend.Parameters.AddWithValue(id);
            spend.Parameters.AddWithValue(now);
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var touch = new NpgsqlCommand("UPDATE refresh_families SET last_used_at = $2 WHERE id = $1", connection, transaction))
        {
            touch.Parameters.AddWithValue(familyId);
            touch.Parameters.AddWithValue(now);
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        var next = await InsertAsync(connection, transaction, userId, familyId, Min(now + Lifetime, familyEnds), cancellationToken);
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

    /// <summary>Revokes the family <paramref name="token"/> belongs to (logout); false when it is unknown or already revoked.</summary>
    public async Task<bool> RevokeFamilyOfAsync(string token, CancellationToken cancellationToken)
    {
        if (!RefreshTokenCodec.LooksValid(token))
        {
            return false;
        }

        // The UPDATE locks the family row, so it waits for a rotation in flight to commit; its
        // successor then belongs to a revoked family and is refused.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE refresh_families SET revoked_at = now()
            WHERE id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL
            """);
        command.Parameters.AddWithValue(RefreshTokenCodec.Hash(token));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Ends one session of <paramref name="userId"/>; false when the user has no such live session.</summary>
    public async Task<bool> RevokeSessionAsync(Guid userId, Guid familyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE refresh_families SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()");
        command.Parameters.AddWithValue(familyId);
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Ends every session of <paramref name="userId"/> ("log out everywhere", a role change, a
    /// suspension); answers how many were live. Each family row is locked like any revocation.
    /// </summary>
    public async Task<int> RevokeAllSessionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var revoked = await RevokeAllSessionsAsync(connection, transaction, userId, keepToken: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    /// <summary>
    /// Ends every session of <paramref name="userId"/> inside the caller's transaction (a password
    /// or email change, a reset, an account deletion commit with it), except the session
    /// <paramref name="keepToken"/> belongs to when given: the session that asked for the change
    /// stays. The UPDATE locks each family row like any other revocation, so a rotation in flight
    /// finishes first and its successor dies with its family.
    /// </summary>
    public static async Task<int> RevokeAllSessionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId,
        string? keepToken, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE refresh_families SET revoked_at = now()
            WHERE user_id = $1 AND revoked_at IS NULL
              AND id IS DISTINCT FROM (SELECT family_id FROM refresh_tokens WHERE token_hash = $2 AND user_id = $1)
            """, connection, transaction);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(keepToken is not null && RefreshTokenCodec.LooksValid(keepToken)
            ? RefreshTokenCodec.Hash(keepToken)
            : Array.Empty<byte>());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The live sessions of <paramref name="userId"/>, newest first; <paramref name="currentToken"/> marks the caller's own.</summary>
    public async Task<IReadOnlyList<SessionDto>> ListSessionsAsync(Guid userId, string? currentToken, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT f.id, f.created_at, f.last_used_at, f.expires_at,
                   EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id AND t.token_hash = $2)
            FROM refresh_families f
            WHERE f.user_id = $1 AND f.revoked_at IS NULL AND f.expires_at > now()
              AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id AND t.spent_at IS NULL AND t.expires_at > now())
            ORDER BY f.created_at DESC
            LIMIT 100
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(currentToken is not null && RefreshTokenCodec.LooksValid(currentToken)
            ? RefreshTokenCodec.Hash(currentToken)
            : Array.Empty<byte>());
        var sessions = new List<SessionDto>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(new SessionDto(reader.GetGuid(0),
                await reader.GetFieldValueAsync<DateTimeOffset>(1, cancellationToken),
                await reader.GetFieldValueAsync<DateTimeOffset>(2, cancellationToken),
                await reader.GetFieldValueAsync<DateTimeOffset>(3, cancellationToken),
                reader.GetBoolean(4)));
        }

        return sessions;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task<string> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, Guid familyId,
        DateTimeOffset expiresAt, CancellationToken cancellationToken)
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
        insert.Parameters.AddWithValue(expiresAt);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    private static async Task RevokeFamilyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid familyId,
        CancellationToken cancellationToken)
    {
        await using var revoke = new NpgsqlCommand(
            "UPDATE refresh_families SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", connection, transaction);
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

    /// <summary>The account is suspended by an admin.</summary>
    Suspended,
}

public sealed record RotationResult(RotationOutcome Outcome, string? Token, UserAccount? User)
{
    public static RotationResult Rejected(RotationOutcome outcome) => new(outcome, null, null);
}
