using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Covacha.Shared.Data;

/// <summary>
/// Applies an app's SQL scripts (embedded resources under <c>Data/Migrations</c>, ordered by
/// name) once each, under a PostgreSQL advisory lock so that replicas starting together
/// serialise and each script runs in its own transaction with its bookkeeping row. Neither the
/// wait for the lock nor a script has a command timeout: rewriting a large table takes as long as
/// it takes, and the migration Job's own deadline bounds the whole run.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, Assembly scripts, string schemaName, ILogger logger) : ISchemaMigration
{
    public string Name => "PostgreSQL database " + schemaName;

    Task ISchemaMigration.MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = LoadScripts();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext($1))", connection))
        {
            lockCommand.CommandTimeout = 0;
            lockCommand.Parameters.AddWithValue("covacha-migrations:" + schemaName);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var create = new NpgsqlCommand(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("SELECT id FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var done = new List<string>();
            foreach (var (id, sql) in pending.Where(p => !applied.Contains(p.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 })
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (id) VALUES ($1)", connection, transaction))
                {
                    record.Parameters.AddWithValue(id);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration} to {Schema}", id, schemaName);
                done.Add(id);
            }

            return done;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext($1))", connection);
            unlock.Parameters.AddWithValue("covacha-migrations:" + schemaName);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private List<(string Id, string Sql)> LoadScripts()
    {
        const string marker = ".Data.Migrations.";
        return scripts.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = scripts.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (Id: n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..], Sql: reader.ReadToEnd());
            })
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }
}
