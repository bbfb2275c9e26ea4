using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Covacha.Products.Demo;
using Covacha.Testing;
using Npgsql;

namespace Covacha.DevHost.Tests;

/// <summary>
/// The dev host with its Search consumer on (the only fixture of the tests-devhost virtual host that
/// consumes), shared by the classes that need one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "dev host";
}

/// <summary>
/// What <c>./covacha up</c> does on a fresh install, against the running dev host: log in as the
/// seller, run the built Products app's <c>--seed-demo</c> for that account on the host's products
/// database, and the host's outbox relay and Search consumer make the products searchable.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class DemoCatalogueSearchTests(DevHostFixture host)
{
    [Fact]
    public async Task SeedDemo_OnTheRunningHostsEmptyCatalogue_ProductsBecomeSearchableWithTheirCategories()
    {
        var (_, _, seller) = await DemoAccountAsync();

        var (exitCode, stdout, stderr) = await BuiltProducts.RunAsync(
            [DemoSeedCommand.Argument, "--seller-id", seller.ToString()],
            new Dictionary<string, string> { ["ConnectionStrings__Products"] = host.ProductsDatabase },
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("seeded 300 demo products", stdout.Trim());
        // The other fixtures of this virtual host publish their products to the same queue, so this
        // host's read model may hold more than the demo catalogue: count what only the demo has.
        var bicycles = DemoCatalogue.Generate(300, DateTimeOffset.UtcNow).Count(p => p.Input.Name!.StartsWith("Bicicleta", StringComparison.Ordinal));
        using var found = await Eventually.WaitAsync(
            () => SearchAsync("/api/search?q=bicicleta&pageSize=50"), d => d.RootElement.GetProperty("total").GetInt64() == bicycles,
            TimeSpan.FromSeconds(60), $"the {bicycles} demo bicycles to be searchable");
        var items = found.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(bicycles, items.Count);
        Assert.All(items, i => Assert.StartsWith("Bicicleta", i.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal(("sports", "COP"), (i.GetProperty("category").GetString(), i.GetProperty("currency").GetString())));
        Assert.Equal(new Dictionary<string, long> { ["sports"] = bicycles }, Facets(found));

        // Every category has its thirty in the facets of the whole catalogue.
        using var everything = await Eventually.WaitAsync(
            () => SearchAsync("/api/search?pageSize=1"), d => Facets(d).Count(f => f.Value >= 30) == 10,
            TimeSpan.FromSeconds(60), "thirty demo products in each of the ten categories");
        Assert.True(everything.RootElement.GetProperty("total").GetInt64() >= 300);
        foreach (var item in items)
        {
            using var product = await host.Client.GetFromJsonAsync<JsonDocument>($"/api/products/{item.GetProperty("id").GetGuid()}");
            Assert.Equal(seller, product!.RootElement.GetProperty("ownerId").GetGuid());
        }
    }

    /// <summary>
    /// What <c>./covacha up</c> runs once the dev host answers (scripts/lib.sh's
    /// <c>seed_demo_catalogue</c>): it logs in as the demo account, reads its id and seeds for it.
    /// The products go to a database of their own, so this test needs no empty catalogue.
    /// </summary>
    [Fact]
    public async Task UpScriptSeeding_WithTheDemoAccount_SeedsForThatAccount_AndSaysSo()
    {
        var (email, password, seller) = await DemoAccountAsync();
        await using var products = await TestDatabase.CreateAsync("products");

        var seeded = await SeedDemoCatalogueAsync(email, password, products);
        var again = await SeedDemoCatalogueAsync(email, password, products);
        var wrongPassword = await SeedDemoCatalogueAsync(email, password + "x", products);

        Assert.True(seeded.ExitCode == 0, seeded.Stderr);
        Assert.Contains("seeded 300 demo products", seeded.Stderr, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("catalogue not empty, not seeded", again.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, wrongPassword.ExitCode);
        Assert.Contains($"demo products not seeded: could not log in as {email}", wrongPassword.Stderr, StringComparison.Ordinal);
        await using var dataSource = NpgsqlDataSource.Create(products.ConnectionString);
        await using var owners = dataSource.CreateCommand("SELECT owner_id, count(*) FROM products GROUP BY owner_id");
        await using var reader = await owners.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((seller, 300L), (reader.GetGuid(0), reader.GetInt64(1)));
        Assert.False(await reader.ReadAsync());
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> SeedDemoCatalogueAsync(string email, string password, TestDatabase products)
    {
        var state = Directory.CreateTempSubdirectory("covacha-seed-");
        try
        {
            var lib = Path.Combine(CommandLine.RepositoryRoot, "scripts", "lib.sh");
            return await CommandLine.RunAsync("bash", ["-c", $"source '{lib}' && seed_demo_catalogue '{host.BaseAddress.ToString().TrimEnd('/')}'"],
                new Dictionary<string, string>
                {
                    ["COVACHA_STATE"] = state.FullName,
                    ["COVACHA_PRODUCTS_DLL"] = BuiltProducts.Dll,
                    ["DEMO_EMAIL"] = email,
                    ["DEMO_PASSWORD"] = password,
                    ["ConnectionStrings__Products"] = products.ConnectionString,
                },
                TimeSpan.FromMinutes(2));
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    /// <summary>A seller's account (email, password, id), its id found as scripts/lib.sh finds it: log in, then ask Auth who that is.</summary>
    private async Task<(string Email, string Password, Guid Id)> DemoAccountAsync()
    {
        var email = $"demo-{Guid.NewGuid():N}@covacha.test";
        const string password = "demo-password-for-tests";
        var registered = await host.Client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = "Tienda Demo" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var login = await host.Client.PostAsJsonAsync("/api/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await host.Client.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (email, password, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static Dictionary<string, long> Facets(JsonDocument search) =>
        search.RootElement.GetProperty("facets").GetProperty("category").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    private async Task<JsonDocument> SearchAsync(string path) =>
        JsonDocument.Parse(await host.Client.GetStringAsync(path));
}
