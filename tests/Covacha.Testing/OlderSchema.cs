using System.Reflection;
using Npgsql;

namespace Covacha.Testing;

/// <summary>
/// Brings a database to an app's schema as it was before a migration (the scripts named before
/// <c>firstNewScript</c>, recorded as applied), so a test can write data the old way and then
/// run the real migrator over it.
/// </summary>
public static class OlderSchema
{
    public static async Task ApplyBeforeAsync(NpgsqlDataSource dataSource, Assembly app, string firstNewScript)
    {
        const string marker = ".Data.Migrations.";
        await using var create = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        await create.ExecuteNonQueryAsync();
        var scripts = app.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n, Id: n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..]))
            .Where(s => string.CompareOrdinal(s.Id, firstNewScript) < 0)
            .OrderBy(s => s.Id, StringComparer.Ordinal);
        foreach (var (name, id) in scripts)
        {
            using var reader = new StreamReader(app.GetManifestResourceStream(name)!);
            await using var apply = dataSource.CreateCommand(await reader.ReadToEndAsync());
            await apply.ExecuteNonQueryAsync();
            await using var record = dataSource.CreateCommand("INSERT INTO schema_migrations (id) VALUES ($1)");
            record.Parameters.AddWithValue(id);
            await record.ExecuteNonQueryAsync();
        }
    }
}
