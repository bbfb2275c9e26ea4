using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Covacha.Products.Demo;
using Covacha.Testing;

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
        var seller = await DemoAccountIdAsync();

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

    /// <summary>As scripts/lib.sh finds the demo account: log in, then ask Auth who that is.</summary>
    private async Task<Guid> DemoAccountIdAsync()
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
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Dictionary<string, long> Facets(JsonDocument search) =>
        search.RootElement.GetProperty("facets").GetProperty("category").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    private async Task<JsonDocument> SearchAsync(string path) =>
        JsonDocument.Parse(await host.Client.GetStringAsync(path));
}
