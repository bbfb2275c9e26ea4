using Covacha.Auth.Model;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>SQL for <c>users</c>.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    public const string UniqueViolation = PostgresErrorCodes.UniqueViolation;

    internal const string Columns = "id, email, display_name, role, password_hash, created_at, email_verified_at, suspended_at";

    /// <summary>Inserts a new account; null when the email is taken (in any letter case).</summary>
    public async Task<UserAccount?> CreateAsync(string email, string displayName, string role, string passwordHash, CancellationToken cancellationToken,
        bool emailVerified = false)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await CreateAsync(connection, null, email, displayName, role, passwordHash, emailVerified, cancellationToken);
    }

    /// <summary>Inserts a new account inside the caller's transaction; null when the email is taken.</summary>
    public static async Task<UserAccount?> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string email,
        string displayName, string role, string passwordHash, bool emailVerified, CancellationToken cancellationToken)
    {
        // ON CONFLICT instead of catching the violation: inside a transaction an error would abort it.
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO users (id, email, display_name, role, password_hash, email_verified_at)
            VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """, connection, transaction);
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(email);
        command.Parameters.AddWithValue(displayName);
        command.Parameters.AddWithValue(role);
        command.Parameters.AddWithValue(passwordHash);
        command.Parameters.AddWithValue(emailVerified);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM users WHERE lower(email) = lower($1)");
        command.Parameters.AddWithValue(email);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM users WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<UserAccount?> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"UPDATE users SET role = $2 WHERE id = $1 RETURNING {Columns}");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(role);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>
    /// A page of accounts, oldest first; with <paramref name="emailContains"/>, only those whose
    /// email contains it (any letter case, LIKE wildcards taken literally).
    /// </summary>
    public async Task<UserPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken, string? emailContains = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var pattern = emailContains is { Length: > 0 } part ? "%" + EscapeLike(part.ToLowerInvariant()) + "%" : null;
        const string Filter = "($1::text IS NULL OR lower(email) LIKE $1)";
        long total;
        await using (var count = new NpgsqlCommand($"SELECT count(*) FROM users WHERE {Filter}", connection))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = (object?)pattern ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var items = new List<UserListItem>();
        await using (var list = new NpgsqlCommand(
            $"SELECT {ListColumns} FROM users WHERE {Filter} ORDER BY created_at, id LIMIT $2 OFFSET $3", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = (object?)pattern ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            list.Parameters.AddWithValue(pageSize);
            list.Parameters.AddWithValue((long)(page - 1) * pageSize);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadListItem(reader));
            }
        }

        return new UserPage(items, total, page, pageSize);
    }

    /// <summary>
    /// Suspends the account (<paramref name="suspend"/>) or reactivates it; a suspension ends every
    /// session in the same transaction. Null when there is no such account. Suspending a suspended
    /// account keeps the first suspension's time and admin.
    /// </summary>
    public async Task<UserListItem?> SetSuspendedAsync(Guid id, bool suspend, Guid admin, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        UserListItem? account;
        await using (var update = new NpgsqlCommand(
            suspend
                ? $"UPDATE users SET suspended_at = coalesce(suspended_at, now()), suspended_by = coalesce(suspended_by, $2) WHERE id = $1 RETURNING {ListColumns}"
                : $"UPDATE users SET suspended_at = NULL, suspended_by = NULL WHERE id = $1 RETURNING {ListColumns}",
            connection, transaction))
        {
            update.Parameters.AddWithValue(id);
            if (suspend)
            {
                update.Parameters.AddWithValue(admin);
            }

            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            account = await reader.ReadAsync(cancellationToken) ? ReadListItem(reader) : null;
        }

        if (account is not null && suspend)
        {
            await RefreshTokenStore.RevokeAllSessionsAsync(connection, transaction, id, keepToken: null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    private const string ListColumns = "id, email, display_name, role, created_at, suspended_at";

    private static UserListItem ReadListItem(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Utc(reader.GetDateTime(4)),
        reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)));

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>
    /// Creates the account, or (when it exists) sets its role if <paramref name="promote"/>; the
    /// password of an existing account is left alone so a changed password survives restarts.
    /// </summary>
    public async Task<(UserAccount Account, bool Created)> EnsureAsync(string email, string displayName, string role,
        Func<string> hashPassword, bool promote, CancellationToken cancellationToken)
    {
        var existing = await FindByEmailAsync(email, cancellationToken);
        if (existing is null)
        {
            // Seeded accounts are configured by the operator, so their addresses count as verified.
            var created = await CreateAsync(email, displayName, role, hashPassword(), cancellationToken, emailVerified: true);
            if (created is not null)
            {
                return (created, true);
            }

            // Another replica created it between the read and the insert.
            existing = await FindByEmailAsync(email, cancellationToken)
                ?? throw new InvalidOperationException($"Account {email} vanished while being seeded.");
        }

        if (promote && existing.Role != role)
        {
            existing = await SetRoleAsync(existing.Id, role, cancellationToken) ?? existing;
        }

        return (existing, false);
    }

    private static async Task<UserAccount?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Reads a row selected as <see cref="Columns"/>.</summary>
    internal static UserAccount Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        Utc(reader.GetDateTime(5)), reader.IsDBNull(6) ? null : Utc(reader.GetDateTime(6)), reader.IsDBNull(7) ? null : Utc(reader.GetDateTime(7)));

    // timestamptz arrives as a UTC DateTime.
    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
