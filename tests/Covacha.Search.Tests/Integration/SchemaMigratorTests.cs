using Covacha.Shared.Data;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Search.Tests.Integration;

/// <summary>
/// The migration Job on a large catalogue: a script (or another replica holding the migration
/// lock) takes longer than Npgsql's command timeout, and the migration must still finish.
/// </summary>
public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Migrate_LockHeldLongerThanTheCommandTimeout_WaitsAndApplies()
    {
        await using var database = await TestDatabase.CreateAsync("search");
        var impatient = new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 1 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(impatient);

        // Another replica's migration holds the lock for longer than one command may take.
        await using var other = await dataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('covacha-migrations:search'))", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var migrating = new SchemaMigrator(dataSource, typeof(SearchServices).Assembly, "search", NullLogger.Instance)
            .MigrateAsync(CancellationToken.None);
        await using (var hold = new NpgsqlCommand("SELECT pg_sleep(2.5); SELECT pg_advisory_unlock(hashtext('covacha-migrations:search'))", other) { CommandTimeout = 30 })
        {
            await hold.ExecuteNonQueryAsync();
        }

        var applied = await migrating;
        Assert.Contains("0010_price_minor_units.sql", applied);
    }
}
