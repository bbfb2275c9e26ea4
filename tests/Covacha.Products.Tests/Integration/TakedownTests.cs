using System.Net;
using System.Text.Json;
using Covacha.Products.Tests.Infrastructure;
using Covacha.Shared.Events;
using Covacha.Testing;

namespace Covacha.Products.Tests.Integration;

/// <summary>An admin takes a product down: gone from search and public reads, kept for the record, shown to its seller, frozen.</summary>
[Collection(ProductsCollection.Name)]
public sealed class TakedownTests(ProductsHost host)
{
    private const string Reason = "Venta de animales vivos: no está permitida.";

    [Fact]
    public async Task TakeDown_Admin_PublishesADeleteAndKeepsTheRecordWithWhoWhenWhy()
    {
        var owner = Guid.NewGuid();
        var (product, _) = await host.CreateAsync(host.UserToken(owner));
        var id = product.GetProperty("id").GetGuid();
        var adminId = Guid.NewGuid();

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/products/{id}/takedown", host.Tokens.Issue(adminId, "admin"),
            JsonSerializer.Serialize(new { reason = "  " + Reason + " " }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var takedown = body.GetProperty("takedown");
        Assert.Equal(Reason, takedown.GetProperty("reason").GetString());
        Assert.Equal(adminId, takedown.GetProperty("by").GetGuid());
        Assert.Equal(2, body.GetProperty("version").GetInt64());
        Assert.Equal(product.GetProperty("name").GetString(), body.GetProperty("name").GetString());

        // Search hears a delete at the new version, like for any product that left.
        var deleted = await Eventually.WaitAsync(() => Task.FromResult(host.Events.For(id)), e => e.Any(x => x.RoutingKey == ProductEvents.Deleted),
            TimeSpan.FromSeconds(10), "product.deleted for the taken-down product");
        Assert.Equal(2, deleted.Single(x => x.RoutingKey == ProductEvents.Deleted).Event.Version);

        // The public no longer sees it, nor the seller's public page; the export tells Search it is gone.
        using var anonymous = await host.SendAsync(HttpMethod.Get, $"/api/products/{id}");
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        using var stranger = await host.SendAsync(HttpMethod.Get, $"/api/products/{id}", host.UserToken());
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        using var sellerPage = await host.SendAsync(HttpMethod.Get, $"/api/products?owner={owner}");
        Assert.Equal(0, JsonDocument.Parse(await sellerPage.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TakenDown_ItsSellerSeesItMarked_InTheirListAndOnItsPage()
    {
        var owner = Guid.NewGuid();
        var ownerToken = host.UserToken(owner);
        var (product, _) = await host.CreateAsync(ownerToken);
        var (live, _) = await host.CreateAsync(ownerToken);
        var id = product.GetProperty("id").GetGuid();
        await TakeDownAsync(id);

        using var mine = await host.SendAsync(HttpMethod.Get, "/api/products?owner=me", ownerToken);
        var items = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(Reason, items.Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("takedown").GetProperty("reason").GetString());
        Assert.False(items.Single(i => i.GetProperty("id").GetGuid() == live.GetProperty("id").GetGuid()).TryGetProperty("takedown", out _));

        using var own = await host.SendAsync(HttpMethod.Get, $"/api/products/{id}", ownerToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var admin = await host.SendAsync(HttpMethod.Get, $"/api/products/{id}", host.AdminToken());
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task TakenDown_TheSellerCannotEditDeleteOrRestoreIt()
    {
        var owner = Guid.NewGuid();
        var ownerToken = host.UserToken(owner);
        var (product, _) = await host.CreateAsync(ownerToken);
        var id = product.GetProperty("id").GetGuid();
        await TakeDownAsync(id);

        using var put = await host.SendAsync(HttpMethod.Put, $"/api/products/{id}", ownerToken, ProductBody.Valid().ToJsonString(), ifMatch: "*");
        using var patch = await host.SendAsync(HttpMethod.Patch, $"/api/products/{id}", ownerToken, """{"stock":3}""",
            "application/merge-patch+json", ifMatch: "\"2\"");
        using var delete = await host.SendAsync(HttpMethod.Delete, $"/api/products/{id}", ownerToken, ifMatch: "*");
        using var byOther = await host.SendAsync(HttpMethod.Patch, $"/api/products/{id}", host.UserToken(), """{"stock":3}""",
            "application/merge-patch+json", ifMatch: "*");

        foreach (var refused in new[] { put, patch, delete })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("https://covacha.dev/problems/taken-down", problem.GetProperty("type").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        using var still = await host.SendAsync(HttpMethod.Get, $"/api/products/{id}", ownerToken);
        var body = JsonDocument.Parse(await still.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, body.GetProperty("version").GetInt64());
        Assert.True(body.TryGetProperty("takedown", out _));
    }

    [Fact]
    public async Task TakeDown_Twice_KeepsTheFirstRecord_AndTheExportCallsItDeleted()
    {
        var (product, _) = await host.CreateAsync(host.UserToken());
        var id = product.GetProperty("id").GetGuid();
        var first = await TakeDownAsync(id);

        using var again = await host.SendAsync(HttpMethod.Post, $"/api/products/{id}/takedown", host.AdminToken(),
            JsonSerializer.Serialize(new { reason = "Otra razón" }));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(first.GetProperty("takedown").GetProperty("reason").GetString(), second.GetProperty("takedown").GetProperty("reason").GetString());
        Assert.Equal(first.GetProperty("version").GetInt64(), second.GetProperty("version").GetInt64());

        // A reindex reads the export: the product comes as a tombstone, so it never returns to search.
        var before = Predecessor(id);
        using var export = await host.SendAsync(HttpMethod.Get, $"/api/products/export?limit=100&after={before}", host.AdminToken());
        var item = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.True(item.GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task TakeDown_NotAnAdmin_Forbidden_AndTheProductStays()
    {
        var owner = Guid.NewGuid();
        var (product, _) = await host.CreateAsync(host.UserToken(owner));
        var id = product.GetProperty("id").GetGuid();

        using var byOwner = await host.SendAsync(HttpMethod.Post, $"/api/products/{id}/takedown", host.UserToken(owner),
            JsonSerializer.Serialize(new { reason = Reason }));
        using var anonymous = await host.SendAsync(HttpMethod.Post, $"/api/products/{id}/takedown", json: JsonSerializer.Serialize(new { reason = Reason }));

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var still = await host.SendAsync(HttpMethod.Get, $"/api/products/{id}");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Theory]
    [InlineData("""{"reason":""}""", 422, "reason")]
    [InlineData("""{"reason":"   "}""", 422, "reason")]
    [InlineData("""{"reason":"two\nlines"}""", 422, "reason")]
    [InlineData("""{}""", 422, "reason")]
    [InlineData("""{"reason":"ok","extra":1}""", 400, "extra")]
    public async Task TakeDown_BadReason_RefusedNamingTheField(string json, int status, string field)
    {
        var (product, _) = await host.CreateAsync(host.UserToken());
        var id = product.GetProperty("id").GetGuid();

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/products/{id}/takedown", host.AdminToken(), json);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        using var still = await host.SendAsync(HttpMethod.Get, $"/api/products/{id}");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task TakeDown_UnknownOrDeleted_NotFound()
    {
        var token = host.UserToken();
        var (product, etag) = await host.CreateAsync(token);
        (await host.SendAsync(HttpMethod.Delete, $"/api/products/{product.GetProperty("id")}", token, ifMatch: etag)).Dispose();

        using var deleted = await host.SendAsync(HttpMethod.Post, $"/api/products/{product.GetProperty("id")}/takedown", host.AdminToken(),
            JsonSerializer.Serialize(new { reason = Reason }));
        using var unknown = await host.SendAsync(HttpMethod.Post, $"/api/products/{Guid.NewGuid()}/takedown", host.AdminToken(),
            JsonSerializer.Serialize(new { reason = Reason }));

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>The id just before <paramref name="id"/> in PostgreSQL's uuid order (bytes, big-endian), for the export's keyset.</summary>
    private static Guid Predecessor(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (bytes[i]-- != 0)
            {
                break;
            }
        }

        return new Guid(bytes, bigEndian: true);
    }

    private async Task<JsonElement> TakeDownAsync(Guid id)
    {
        using var response = await host.SendAsync(HttpMethod.Post, $"/api/products/{id}/takedown", host.AdminToken(),
            JsonSerializer.Serialize(new { reason = Reason }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
