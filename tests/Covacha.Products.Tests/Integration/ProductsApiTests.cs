using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Covacha.Products.Tests.Infrastructure;

namespace Covacha.Products.Tests.Integration;

[Collection(ProductsCollection.Name)]
public sealed class ProductsApiTests(ProductsHost host)
{
    [Fact]
    public async Task Create_SignedIn_Returns201WithLocationETagAndOwnerFromToken()
    {
        var userId = Guid.NewGuid();
        using var response = await host.SendAsync(HttpMethod.Post, "/api/products", host.UserToken(userId), ProductBody.Valid().ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var product = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = product.GetProperty("id").GetGuid();
        Assert.Equal($"/api/products/{id}", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal(userId, product.GetProperty("ownerId").GetGuid());
        Assert.Equal(1, product.GetProperty("version").GetInt64());
        Assert.Equal(625000.25m, product.GetProperty("price").GetDecimal());
        Assert.Equal("sports", product.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Create_WithoutCurrency_DefaultsToCop()
    {
        var body = ProductBody.Valid();
        body.Remove("currency");
        var (product, _) = await host.CreateAsync(host.UserToken(), body);
        Assert.Equal("COP", product.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Create_WholePrice_IsAnsweredWithTwoDecimals()
    {
        var (product, _) = await host.CreateAsync(host.UserToken(), ProductBody.With("price", 12));
        Assert.Equal("12.00", product.GetProperty("price").GetRawText());
    }

    [Fact]
    public async Task Create_Anonymous_Returns401()
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/products", null, ProductBody.Valid().ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Create_TokenSignedByUnknownKey_Returns401()
    {
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var forged = host.Tokens.Issue(Guid.NewGuid(), signWith: stranger);
        using var response = await host.SendAsync(HttpMethod.Post, "/api/products", forged, ProductBody.Valid().ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_Existing_Returns200WithETagAnd304OnIfNoneMatch()
    {
        var (created, etag) = await host.CreateAsync(host.UserToken());
        var path = $"/api/products/{created.GetProperty("id").GetGuid()}";

        using var ok = await host.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(etag, ok.Headers.ETag!.ToString());

        using var notModified = await host.SendAsync(HttpMethod.Get, path, ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var stale = await host.SendAsync(HttpMethod.Get, path, ifNoneMatch: "\"99\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task Get_Unknown_Returns404Problem()
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"/api/products/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("problems/not-found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task List_OwnerMe_PagesNewestFirstWithoutGapsOrRepeats()
    {
        var token = host.UserToken();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var (product, _) = await host.CreateAsync(token, ProductBody.Valid($"Producto {i}"));
            created.Add(product.GetProperty("id").GetGuid());
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var path = "/api/products?owner=me&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await host.SendAsync(HttpMethod.Get, path, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        created.Reverse();
        Assert.Equal(created, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_ByOwnerId_ReturnsOnlyThatOwnersProducts()
    {
        var owner = Guid.NewGuid();
        await host.CreateAsync(host.UserToken(owner));
        await host.CreateAsync(host.UserToken());
        using var response = await host.SendAsync(HttpMethod.Get, $"/api/products?owner={owner}");
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal(owner, items[0].GetProperty("ownerId").GetGuid());
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("owner=someone", "owner")]
    public async Task List_BadQuery_Returns400NamingParameter(string query, string field)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/products?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task List_OwnerMeAnonymous_Returns401()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/products?owner=me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Replace_WithCurrentETag_Returns200AndVersionGrows()
    {
        var token = host.UserToken();
        var (created, etag) = await host.CreateAsync(token);
        var body = ProductBody.Valid("Bicicleta usada");
        body["stock"] = 0;
        using var response = await host.SendAsync(HttpMethod.Put, $"/api/products/{created.GetProperty("id")}", token, body.ToJsonString(), ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.ToString());
        var product = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bicicleta usada", product.GetProperty("name").GetString());
        Assert.Equal(0, product.GetProperty("stock").GetInt32());
        Assert.Equal(created.GetProperty("createdAt").GetDateTimeOffset(), product.GetProperty("createdAt").GetDateTimeOffset());
        Assert.True(product.GetProperty("updatedAt").GetDateTimeOffset() > created.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Replace_WithoutIfMatch_Returns428()
    {
        var token = host.UserToken();
        var (created, _) = await host.CreateAsync(token);
        using var response = await host.SendAsync(HttpMethod.Put, $"/api/products/{created.GetProperty("id")}", token, ProductBody.Valid().ToJsonString());
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Fact]
    public async Task Replace_StaleETag_Returns412AndLeavesProductUnchanged()
    {
        var token = host.UserToken();
        var (created, _) = await host.CreateAsync(token);
        var path = $"/api/products/{created.GetProperty("id")}";
        using var response = await host.SendAsync(HttpMethod.Put, path, token, ProductBody.Valid("Otro").ToJsonString(), ifMatch: "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);

        using var read = await host.SendAsync(HttpMethod.Get, path);
        Assert.Equal("\"1\"", read.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Update_TwoConcurrentWithSameETag_One200One412()
    {
        var token = host.UserToken();
        var (created, etag) = await host.CreateAsync(token);
        var path = $"/api/products/{created.GetProperty("id")}";

        var first = host.SendAsync(HttpMethod.Put, path, token, ProductBody.Valid("Uno").ToJsonString(), ifMatch: etag);
        var second = host.SendAsync(HttpMethod.Patch, path, token, """{"name":"Dos"}""", ProductsContentTypes.MergePatch, ifMatch: etag);
        var statuses = (await Task.WhenAll(first, second)).Select(r => r.StatusCode).Order().ToArray();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        using var read = await host.SendAsync(HttpMethod.Get, path);
        Assert.Equal("\"2\"", read.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Patch_MergePatch_ChangesOnlyGivenFieldsAndNullRemovesImage()
    {
        var token = host.UserToken();
        var (created, etag) = await host.CreateAsync(token);
        using var response = await host.SendAsync(HttpMethod.Patch, $"/api/products/{created.GetProperty("id")}", token,
            """{"price": 10.5, "imageUrl": null}""", ProductsContentTypes.MergePatch, ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var product = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(10.5m, product.GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, product.GetProperty("imageUrl").ValueKind);
        Assert.Equal(created.GetProperty("name").GetString(), product.GetProperty("name").GetString());
        Assert.Equal(2, product.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Patch_NullRequiredField_Returns422NamingIt()
    {
        var token = host.UserToken();
        var (created, etag) = await host.CreateAsync(token);
        using var response = await host.SendAsync(HttpMethod.Patch, $"/api/products/{created.GetProperty("id")}", token,
            """{"name": null}""", ProductsContentTypes.MergePatch, ifMatch: etag);
        await AssertProblem(response, HttpStatusCode.UnprocessableEntity, "name");
    }

    [Fact]
    public async Task Patch_PlainJsonContentType_Returns415()
    {
        var token = host.UserToken();
        var (created, etag) = await host.CreateAsync(token);
        using var response = await host.SendAsync(HttpMethod.Patch, $"/api/products/{created.GetProperty("id")}", token,
            """{"stock": 1}""", ifMatch: etag);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Change_OtherUser_Returns403ForPutPatchAndDelete()
    {
        var (created, etag) = await host.CreateAsync(host.UserToken());
        var path = $"/api/products/{created.GetProperty("id")}";
        var intruder = host.UserToken();

        using var put = await host.SendAsync(HttpMethod.Put, path, intruder, ProductBody.Valid("Mío").ToJsonString(), ifMatch: etag);
        using var patch = await host.SendAsync(HttpMethod.Patch, path, intruder, """{"stock":0}""", ProductsContentTypes.MergePatch, ifMatch: etag);
        using var delete = await host.SendAsync(HttpMethod.Delete, path, intruder, ifMatch: etag);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        using var read = await host.SendAsync(HttpMethod.Get, path);
        Assert.Equal(etag, read.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Change_Anonymous_Returns401()
    {
        var (created, etag) = await host.CreateAsync(host.UserToken());
        var path = $"/api/products/{created.GetProperty("id")}";
        using var put = await host.SendAsync(HttpMethod.Put, path, null, ProductBody.Valid().ToJsonString(), ifMatch: etag);
        using var delete = await host.SendAsync(HttpMethod.Delete, path, null, ifMatch: etag);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    [Fact]
    public async Task Change_Admin_MayChangeAnyProductButNotItsOwner()
    {
        var owner = Guid.NewGuid();
        var (created, etag) = await host.CreateAsync(host.UserToken(owner));
        using var response = await host.SendAsync(HttpMethod.Patch, $"/api/products/{created.GetProperty("id")}", host.AdminToken(),
            """{"stock": 9}""", ProductsContentTypes.MergePatch, ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var product = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(owner, product.GetProperty("ownerId").GetGuid());
        Assert.Equal(9, product.GetProperty("stock").GetInt32());
    }

    [Theory]
    [InlineData("ownerId")]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("createdAt")]
    [InlineData("updatedAt")]
    public async Task Write_ReadOnlyFieldInBody_Returns400AndOwnerNeverChanges(string field)
    {
        var owner = Guid.NewGuid();
        var token = host.UserToken(owner);
        var attacker = Guid.NewGuid().ToString();

        using var create = await host.SendAsync(HttpMethod.Post, "/api/products", token, ProductBody.With(field, attacker).ToJsonString());
        await AssertProblem(create, HttpStatusCode.BadRequest, field);

        var (created, etag) = await host.CreateAsync(token);
        var path = $"/api/products/{created.GetProperty("id")}";
        using var put = await host.SendAsync(HttpMethod.Put, path, token, ProductBody.With(field, attacker).ToJsonString(), ifMatch: etag);
        await AssertProblem(put, HttpStatusCode.BadRequest, field);
        using var patch = await host.SendAsync(HttpMethod.Patch, path, token,
            new JsonObject { [field] = attacker }.ToJsonString(), ProductsContentTypes.MergePatch, ifMatch: etag);
        await AssertProblem(patch, HttpStatusCode.BadRequest, field);

        using var read = await host.SendAsync(HttpMethod.Get, path);
        var product = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(owner, product.GetProperty("ownerId").GetGuid());
        Assert.Equal(etag, read.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Delete_OwnerWithIfMatch_Returns204ThenGone()
    {
        var token = host.UserToken();
        var (created, etag) = await host.CreateAsync(token);
        var path = $"/api/products/{created.GetProperty("id")}";

        using var withoutIfMatch = await host.SendAsync(HttpMethod.Delete, path, token);
        Assert.Equal((HttpStatusCode)428, withoutIfMatch.StatusCode);
        using var delete = await host.SendAsync(HttpMethod.Delete, path, token, ifMatch: etag);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var read = await host.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        using var again = await host.SendAsync(HttpMethod.Delete, path, token, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    public static TheoryData<string, string?> InvalidFields() => new()
    {
        { "name", "\"\"" },
        { "name", "\"    \"" },
        { "name", JsonSerializer.Serialize(new string('a', 121)) },
        { "description", JsonSerializer.Serialize(new string('d', 4001)) },
        { "price", "0" },
        { "price", "-5" },
        { "price", "2000000000.01" },
        { "price", "1.234" },
        { "price", null },
        { "currency", "\"XYZ\"" },
        { "currency", "\"cop\"" },
        { "category", "\"cars\"" },
        { "category", null },
        { "imageUrl", "\"http://images.example.com/a.jpg\"" },
        { "imageUrl", "\"ftp://images.example.com/a.jpg\"" },
        { "imageUrl", "\"not a url\"" },
        { "imageUrl", "\"https://user:secret@images.example.com/a.jpg\"" },
        { "imageUrl", "\"https://localhost/a.jpg\"" },
        { "imageUrl", "\"https://127.0.0.1/a.jpg\"" },
        { "imageUrl", "\"https://10.1.2.3/a.jpg\"" },
        { "imageUrl", "\"https://172.16.0.9/a.jpg\"" },
        { "imageUrl", "\"https://192.168.0.1/a.jpg\"" },
        { "imageUrl", "\"https://169.254.169.254/latest/meta-data\"" },
        { "imageUrl", "\"https://[::1]/a.jpg\"" },
        { "imageUrl", "\"https://[fe80::1]/a.jpg\"" },
        { "imageUrl", "\"https://[::ffff:10.0.0.1]/a.jpg\"" },
        { "imageUrl", "\"https://2130706433/a.jpg\"" },
        { "imageUrl", "\"https://0x7f.0.0.1/a.jpg\"" },
        { "imageUrl", "\"https://metadata.internal/a.jpg\"" },
        { "stock", "-1" },
        { "stock", null },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Create_InvalidField_Returns422ProblemNamingField(string field, string? json)
    {
        var body = ProductBody.Valid();
        if (json is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(json);
        }

        using var response = await host.SendAsync(HttpMethod.Post, "/api/products", host.UserToken(), body.ToJsonString());
        await AssertProblem(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Theory]
    [InlineData("colour", "\"red\"")]
    [InlineData("stock", "\"many\"")]
    [InlineData("stock", "1.5")]
    [InlineData("price", "\"12\"")]
    public async Task Create_UnknownFieldOrWrongType_Returns400NamingField(string field, string json)
    {
        var body = ProductBody.Valid();
        body[field] = JsonNode.Parse(json);
        using var response = await host.SendAsync(HttpMethod.Post, "/api/products", host.UserToken(), body.ToJsonString());
        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Create_MalformedJsonOrWrongMediaType_Returns400Or415()
    {
        using var malformed = await host.SendAsync(HttpMethod.Post, "/api/products", host.UserToken(), "{\"name\":");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var text = await host.SendAsync(HttpMethod.Post, "/api/products", host.UserToken(), ProductBody.Valid().ToJsonString(), "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task Categories_ReturnsTheFixedListWithNames()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/products/categories");
        var categories = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            ["electronics", "home", "fashion", "books", "sports", "toys", "beauty", "grocery", "automotive", "other"],
            categories.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray());
        Assert.All(categories.EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task Export_ServiceKeyOrAdmin_PagesEverySnapshotIncludingTombstones()
    {
        var token = host.UserToken();
        var (kept, _) = await host.CreateAsync(token);
        var (gone, goneETag) = await host.CreateAsync(token);
        using (var delete = await host.SendAsync(HttpMethod.Delete, $"/api/products/{gone.GetProperty("id")}", token, ifMatch: goneETag))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var items = new Dictionary<Guid, JsonElement>();
        string? after = null;
        do
        {
            using var response = await host.SendAsync(HttpMethod.Get, "/api/products/export?limit=3" + (after is null ? "" : "&after=" + after),
                headers: new Dictionary<string, string> { ["X-Covacha-Service-Key"] = host.ServiceKey });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                Assert.True(items.TryAdd(item.GetProperty("id").GetGuid(), item), "an item appeared on two pages");
            }

            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        Assert.False(items[kept.GetProperty("id").GetGuid()].GetProperty("deleted").GetBoolean());
        var tombstone = items[gone.GetProperty("id").GetGuid()];
        Assert.True(tombstone.GetProperty("deleted").GetBoolean());
        Assert.Equal(2, tombstone.GetProperty("version").GetInt64());

        using var admin = await host.SendAsync(HttpMethod.Get, "/api/products/export?limit=1", host.AdminToken());
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Export_CursorAndItsOlderNameAfter_AnswerTheSamePages()
    {
        var token = host.UserToken();
        for (var i = 0; i < 3; i++)
        {
            await host.CreateAsync(token);
        }

        var byCursor = await ExportPagesAsync("cursor", "nextCursor");
        var byAfter = await ExportPagesAsync("after", "next");

        Assert.True(byCursor.Count >= 2, "the export should span several pages");
        Assert.Equal(byCursor, byAfter);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("cursor=0193a1b2-0000-7000-8000-00000000c0de&after=0193a1b2-0000-7000-8000-00000000c0df", "after")]
    [InlineData("limit=0", "limit")]
    public async Task Export_BadPagingParameter_Is400NamingIt(string query, string parameter)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/products/export?" + query,
            headers: new Dictionary<string, string> { ["X-Covacha-Service-Key"] = host.ServiceKey });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem should name {parameter}");
    }

    /// <summary>Every page of the export walked with the given names, as lists of ids.</summary>
    private async Task<List<string>> ExportPagesAsync(string cursorParameter, string nextMember)
    {
        var pages = new List<string>();
        string? cursor = null;
        do
        {
            using var response = await host.SendAsync(HttpMethod.Get,
                "/api/products/export?limit=2" + (cursor is null ? "" : $"&{cursorParameter}={cursor}"),
                headers: new Dictionary<string, string> { ["X-Covacha-Service-Key"] = host.ServiceKey });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            pages.Add(string.Join(",", page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())));
            cursor = page.GetProperty(nextMember).GetString();
        }
        while (cursor is not null);

        return pages;
    }

    [Fact]
    public async Task Export_UserOrWrongKeyOrAnonymous_IsRefused()
    {
        using var user = await host.SendAsync(HttpMethod.Get, "/api/products/export", host.UserToken());
        using var wrongKey = await host.SendAsync(HttpMethod.Get, "/api/products/export",
            headers: new Dictionary<string, string> { ["X-Covacha-Service-Key"] = "not-the-key" });
        using var anonymous = await host.SendAsync(HttpMethod.Get, "/api/products/export");
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Health_LiveAndReady_ReportDatabaseAndOutbox()
    {
        using var live = await host.SendAsync(HttpMethod.Get, "/api/products/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await host.SendAsync(HttpMethod.Get, "/api/products/health/ready");
        var text = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var outbox = JsonDocument.Parse(text).RootElement.GetProperty("checks").GetProperty("outbox");
        Assert.True(outbox.GetProperty("data").TryGetProperty("pending", out _), text);
        Assert.True(outbox.GetProperty("data").TryGetProperty("oldestPendingAgeSeconds", out _), text);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error named {field}: {text}");
    }
}
