using Covacha.Search.Data.Postgres;
using Covacha.Search.Model;
using Covacha.Shared.Data;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Search.Tests.Integration;

public sealed class MoneyMigrationTests
{
    [Fact]
    public async Task Migrate_ReadModelPricesInMajorUnits_SortAndFilterInMinorUnits()
    {
        await using var database = await TestDatabase.CreateAsync("search");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await OlderSchema.ApplyBeforeAsync(dataSource, typeof(SearchServices).Assembly, "0010_");
        var (cheap, dear) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO products (id, version, deleted, name, description, price, currency, category, stock, created_at, updated_at)
            VALUES ($1, 1, false, 'Cable USB', '', 6000.00, 'COP', 'electronics', 3, now(), now()),
                   ($2, 1, false, 'Portátil', '', 3500000.00, 'COP', 'electronics', 1, now(), now())
            """))
        {
            insert.Parameters.AddWithValue(cheap);
            insert.Parameters.AddWithValue(dear);
            await insert.ExecuteNonQueryAsync();
        }

        await new SchemaMigrator(dataSource, typeof(SearchServices).Assembly, "search", NullLogger.Instance).MigrateAsync(CancellationToken.None);

        var store = new PostgresSearchStore(dataSource);
        var result = await store.SearchAsync(
            new SearchQuery("", null, 500_000, null, null, SearchSort.PriceDesc, 1, 10, "COP"), CancellationToken.None);
        Assert.Equal([dear, cheap], result.Items.Select(i => i.Id));
        Assert.Equal((350_000_000L, 3_500_000.00m), (result.Items[0].PriceMinor, result.Items[0].Price));
    }
}
