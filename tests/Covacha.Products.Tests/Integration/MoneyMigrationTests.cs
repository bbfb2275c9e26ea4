using Covacha.Products.Data;
using Covacha.Products.Messaging;
using Covacha.Shared.Data;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Products.Tests.Integration;

public sealed class MoneyMigrationTests
{
    [Fact]
    public async Task Migrate_PricesInMajorUnits_BecomeMinorUnitsWithTheSameAmount()
    {
        await using var database = await TestDatabase.CreateAsync("products");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await OlderSchema.ApplyBeforeAsync(dataSource, typeof(ProductsServices).Assembly, "0002_");
        var (pesos, dollars) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO products (id, owner_id, name, description, price, currency, category, stock, created_at, updated_at, version)
            VALUES ($1, $3, 'Nevera', '', 950000.00, 'COP', 'home', 1, now(), now(), 1),
                   ($2, $3, 'Lamp', '', 12.50, 'USD', 'home', 1, now(), now(), 1)
            """))
        {
            insert.Parameters.AddWithValue(pesos);
            insert.Parameters.AddWithValue(dollars);
            insert.Parameters.AddWithValue(Guid.NewGuid());
            await insert.ExecuteNonQueryAsync();
        }

        await new SchemaMigrator(dataSource, typeof(ProductsServices).Assembly, "products", NullLogger.Instance).MigrateAsync(CancellationToken.None);

        var store = new ProductStore(dataSource, new OutboxSignal(dataSource, NullLogger<OutboxSignal>.Instance), TimeProvider.System);
        var nevera = (await store.GetAsync(pesos, CancellationToken.None))!;
        var lamp = (await store.GetAsync(dollars, CancellationToken.None))!;
        Assert.Equal((95_000_000L, 950_000.00m, "COP"), (nevera.PriceMinor, nevera.Price, nevera.Currency));
        Assert.Equal((1_250L, 12.50m), (lamp.PriceMinor, lamp.Price));
    }
}
