using System.Text.Json;
using Covacha.Products.Data;
using Covacha.Products.Demo;
using Covacha.Products.Messaging;
using Covacha.Products.Model;
using Covacha.Shared.Data;
using Covacha.Shared.Identity;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Products.Tests.Integration;

/// <summary>
/// <c>dotnet Covacha.Products.dll --seed-demo --seller-id ...</c>, the built app run as its own
/// process as <c>./covacha up</c> runs it, against a fresh database of the real PostgreSQL server.
/// </summary>
public sealed class DemoSeedTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SeedDemo_OnAnEmptyCatalogue_ListsThreeHundredValidPesoProductsForTheSeller()
    {
        await using var database = await TestDatabase.CreateAsync("products");
        var seller = Guid.NewGuid();
        var before = DateTimeOffset.UtcNow;

        var (exitCode, stdout, stderr) = await SeedAsync(database, "--seller-id", seller.ToString());

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("seeded 300 demo products", stdout.Trim());
        var products = await ProductsAsync(database);
        Assert.Equal(300, products.Count);
        var validator = new ProductValidator(new ProductsOptions().Describe());
        var copLimit = new ProductsOptions().MaxPrice("COP")!.Value;
        foreach (var p in products)
        {
            Assert.Equal(seller, p.OwnerId);
            Assert.Equal(("COP", 1L, false, (string?)null), (p.Currency, p.Version, p.Deleted, p.ImageUrl));
            // Whole hundreds of pesos, as shops price things, and within the currency's limit.
            Assert.True(p.PriceMinor > 0 && p.PriceMinor % 100_00 == 0 && p.Price <= copLimit, $"{p.Name}: {p.Price}");
            Assert.InRange(p.CreatedAt, before.AddDays(-57), DateTimeOffset.UtcNow);
            var (fields, problem) = validator.Validate(new ProductInput(p.Name, p.Description, p.Price, p.Currency, p.Category, p.ImageUrl, p.Stock));
            Assert.True(problem is null, $"{p.Name} would be refused by a create");
            Assert.Equal((p.Name, p.Description, p.PriceMinor, p.Category, p.Stock), (fields!.Name, fields.Description, fields.PriceMinor, fields.Category, fields.Stock));
        }

        // Every category, each with its share; listings spread over weeks, not all at one instant.
        Assert.All(Category.All, c => Assert.Equal(30, products.Count(p => p.Category == c.Id)));
        Assert.True(products.Max(p => p.CreatedAt) - products.Min(p => p.CreatedAt) > TimeSpan.FromDays(28));
        Assert.Equal(300, products.Select(p => p.Name).Distinct().Count());

        // One product.created event per product, carrying it, for the relay to publish to Search.
        var events = await CreatedEventsAsync(database);
        Assert.Equal(products.Select(p => p.Id).Order(), events.Keys.Order());
        Assert.All(products, p => Assert.Equal(p.Name, events[p.Id]));
    }

    [Fact]
    public async Task SeedDemo_TheSameCountTwiceOnFreshDatabases_GivesTheSameCatalogue()
    {
        await using var first = await TestDatabase.CreateAsync("products");
        await using var second = await TestDatabase.CreateAsync("products");

        Assert.Equal(0, (await SeedAsync(first, "--seller-id", Guid.NewGuid().ToString(), "--count", "40")).ExitCode);
        Assert.Equal(0, (await SeedAsync(second, "--seller-id", Guid.NewGuid().ToString(), "--count", "40")).ExitCode);

        static IEnumerable<(string, string, long, string, int)> Listing(List<ProductRow> products) =>
            products.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, p.Description, p.PriceMinor, p.Category, p.Stock));
        Assert.Equal(Listing(await ProductsAsync(first)), Listing(await ProductsAsync(second)));
    }

    [Fact]
    public async Task SeedDemo_RunAgain_AddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync("products");
        var seller = Guid.NewGuid().ToString();
        Assert.Equal(0, (await SeedAsync(database, "--seller-id", seller)).ExitCode);

        var (exitCode, stdout, stderr) = await SeedAsync(database, "--seller-id", seller);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("catalogue not empty, not seeded", stdout.Trim());
        Assert.Equal(300, (await ProductsAsync(database)).Count);
        Assert.Equal(300, (await CreatedEventsAsync(database)).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SeedDemo_WhenTheCatalogueHasOrHadAProductOfSomeoneElse_LeavesItAlone(bool deleted)
    {
        await using var database = await TestDatabase.CreateAsync("products");
        var someone = Guid.NewGuid();
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await new SchemaMigrator(dataSource, typeof(ProductsServices).Assembly, "products", NullLogger.Instance).MigrateAsync(CancellationToken.None);
            var store = new ProductStore(dataSource, new OutboxSignal(dataSource, NullLogger<OutboxSignal>.Instance), TimeProvider.System);
            var own = await store.CreateAsync(someone, new ProductFields("Nevera Haceb 250 L", "", 1_450_000_00, "COP", "home", null, 1), CancellationToken.None);
            if (deleted)
            {
                await store.DeleteAsync(own.Id, new Caller(someone, Roles.User, null, null), _ => true, CancellationToken.None);
            }
        }

        var (exitCode, stdout, stderr) = await SeedAsync(database, "--seller-id", Guid.NewGuid().ToString());

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("catalogue not empty, not seeded", stdout.Trim());
        await using var check = NpgsqlDataSource.Create(database.ConnectionString);
        var everyRow = await new ProductStore(check, new OutboxSignal(check, NullLogger<OutboxSignal>.Instance), TimeProvider.System)
            .ExportAsync(null, 1000, CancellationToken.None);
        Assert.Equal((someone, deleted), (Assert.Single(everyRow).OwnerId, everyRow[0].Deleted));
    }

    [Fact]
    public async Task SeedDemo_TwoSeedersAtOnce_SeedTheCatalogueExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync("products");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        var runs = await Task.WhenAll(
            SeedAsync(database, "--seller-id", first.ToString()),
            SeedAsync(database, "--seller-id", second.ToString()));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.Equal(
            ["catalogue not empty, not seeded", "seeded 300 demo products"],
            runs.Select(r => r.Stdout.Trim()).Order(StringComparer.Ordinal));
        var products = await ProductsAsync(database);
        Assert.Equal(300, products.Count);
        Assert.Single(products.Select(p => p.OwnerId).Distinct());
        Assert.Equal(300, (await CreatedEventsAsync(database)).Count);
    }

    [Theory]
    [InlineData("--seller-id is required", new string[0])]
    [InlineData("--seller-id needs a value", new[] { "--seller-id" })]
    [InlineData("--seller-id 'demo@covacha.local' is not an account id", new[] { "--seller-id", "demo@covacha.local" })]
    [InlineData("--seller-id '00000000-0000-0000-0000-000000000000' is not an account id", new[] { "--seller-id", "00000000-0000-0000-0000-000000000000" })]
    [InlineData("--count '0' must be a whole number from 1 to 500", new[] { "--seller-id", "0192f3c4-8b1e-7c55-9a41-3d2e6f7a8b90", "--count", "0" })]
    [InlineData("--count 'many' must be a whole number from 1 to 500", new[] { "--seller-id", "0192f3c4-8b1e-7c55-9a41-3d2e6f7a8b90", "--count", "many" })]
    public async Task SeedDemo_BadArguments_ExitsTwoSayingWhyAndWritesNothing(string message, string[] arguments)
    {
        await using var database = await TestDatabase.CreateAsync("products");

        var (exitCode, stdout, stderr) = await SeedAsync(database, arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("usage: dotnet Covacha.Products.dll --seed-demo --seller-id <account id>", stderr, StringComparison.Ordinal);
        Assert.Empty(await TablesAsync(database));
    }

    [Fact]
    public async Task SeedDemo_WhenTheConfiguredPriceLimitRefusesADemoProduct_FailsNamingItAndWritesNoProduct()
    {
        await using var database = await TestDatabase.CreateAsync("products");

        var (exitCode, stdout, stderr) = await SeedAsync(
            database, new Dictionary<string, string> { ["Products__MaxPrices__COP"] = "1000000" }, "--seller-id", Guid.NewGuid().ToString());

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("This configuration refuses the demo product", stderr, StringComparison.Ordinal);
        Assert.Contains("price: At most 1,000,000 COP", stderr, StringComparison.Ordinal);
        Assert.Empty(await ProductsAsync(database));
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> SeedAsync(TestDatabase database, params string[] arguments) =>
        SeedAsync(database, new Dictionary<string, string>(), arguments);

    private static Task<(int ExitCode, string Stdout, string Stderr)> SeedAsync(
        TestDatabase database, Dictionary<string, string> settings, params string[] arguments)
    {
        settings["ConnectionStrings__Products"] = database.ConnectionString;
        return BuiltProducts.RunAsync([DemoSeedCommand.Argument, .. arguments], settings, Deadline);
    }

    private static async Task<List<ProductRow>> ProductsAsync(TestDatabase database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new ProductStore(dataSource, new OutboxSignal(dataSource, NullLogger<OutboxSignal>.Instance), TimeProvider.System);
        return await store.ListAsync(null, null, 1000, CancellationToken.None);
    }

    /// <summary>The name each product.created event in the outbox carries, by product id.</summary>
    private static async Task<Dictionary<Guid, string>> CreatedEventsAsync(TestDatabase database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT product_id, payload FROM outbox WHERE routing_key = 'product.created'");
        await using var reader = await command.ExecuteReaderAsync();
        var events = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            using var payload = JsonDocument.Parse(await reader.GetFieldValueAsync<byte[]>(1));
            events.Add(reader.GetGuid(0), payload.RootElement.GetProperty("product").GetProperty("name").GetString()!);
        }

        return events;
    }

    private static async Task<List<string>> TablesAsync(TestDatabase database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
