using System.Net;
using System.Text.Json;
using Covacha.Products.Tests.Infrastructure;
using Npgsql;

namespace Covacha.Products.Tests.Integration;

/// <summary>What Products does for Auth's account rules: unverified emails may not publish; a deleted account's products go.</summary>
[Collection(ProductsCollection.Name)]
public sealed class AccountRulesTests(ProductsHost host)
{
    [Fact]
    public async Task Create_UnverifiedEmail_Returns403NamingTheReasonAndStoresNothing()
    {
        var userId = Guid.NewGuid();
        using var response = await host.SendAsync(HttpMethod.Post, "/api/products", host.Tokens.Issue(userId, emailVerified: false),
            ProductBody.Valid().ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://covacha.dev/problems/email-not-verified", problem.GetProperty("type").GetString());
        Assert.Contains("email", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        using var mine = await host.SendAsync(HttpMethod.Get, $"/api/products?owner={userId}");
        Assert.Equal(0, JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TakeDownOwner_ServiceKey_DeletesEveryLiveProductOnceForgetsTheCountAndLeavesOthers()
    {
        var owner = Guid.NewGuid();
        var token = host.UserToken(owner);
        var (first, _) = await host.CreateAsync(token);
        await host.CreateAsync(token);
        var (other, _) = await host.CreateAsync(host.UserToken());
        var key = new Dictionary<string, string> { ["X-Covacha-Service-Key"] = host.ServiceKey };

        using (var takedown = await host.SendAsync(HttpMethod.Post, $"/api/products/owners/{owner}/takedown", headers: key))
        {
            Assert.Equal(HttpStatusCode.OK, takedown.StatusCode);
            Assert.Equal(2, JsonDocument.Parse(await takedown.Content.ReadAsStringAsync()).RootElement.GetProperty("takenDown").GetInt32());
        }

        using (var again = await host.SendAsync(HttpMethod.Post, $"/api/products/owners/{owner}/takedown", headers: key))
        {
            Assert.Equal(0, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("takenDown").GetInt32());
        }

        using var gone = await host.SendAsync(HttpMethod.Get, $"/api/products/{first.GetProperty("id")}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await using (var products = NpgsqlDataSource.Create(host.ProductsDatabase))
        await using (var counted = products.CreateCommand("SELECT count(*) FROM create_limits WHERE user_id = $1"))
        {
            counted.Parameters.AddWithValue(owner);
            Assert.Equal(0L, await counted.ExecuteScalarAsync());
        }

        // Kept for the record as a takedown that names the reason and no admin.
        using var record = await host.SendAsync(HttpMethod.Get, $"/api/products/{first.GetProperty("id")}", host.AdminToken());
        var takenDown = JsonDocument.Parse(await record.Content.ReadAsStringAsync()).RootElement.GetProperty("takedown");
        Assert.Equal("The seller deleted their account.", takenDown.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, takenDown.GetProperty("by").ValueKind);

        using var kept = await host.SendAsync(HttpMethod.Get, $"/api/products/{other.GetProperty("id")}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task TakeDownOwner_UserTokenOrWrongKey_Returns401()
    {
        var owner = Guid.NewGuid();
        await host.CreateAsync(host.UserToken(owner));

        using var asUser = await host.SendAsync(HttpMethod.Post, $"/api/products/owners/{owner}/takedown", host.AdminToken());
        using var wrongKey = await host.SendAsync(HttpMethod.Post, $"/api/products/owners/{owner}/takedown",
            headers: new Dictionary<string, string> { ["X-Covacha-Service-Key"] = "not-the-key" });

        Assert.Equal(HttpStatusCode.Unauthorized, asUser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        using var mine = await host.SendAsync(HttpMethod.Get, $"/api/products?owner={owner}");
        Assert.Equal(1, JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength());
    }
}
