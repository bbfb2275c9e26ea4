using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;

namespace Covacha.Search.Tests.Integration;

[Collection(SearchHostCollection.Name)]
public sealed class SearchEndpointTests(SearchHost host)
{
    [Fact]
    public async Task Health_LiveAndReady_Return200()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/api/search/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Search_CreatedEvent_BecomesSearchableWithContractShape()
    {
        var word = TestProducts.UniqueWord();
        var snapshot = TestProducts.Snapshot(name: $"Cámara réflex {word}", description: "Una cámara para fotografía de viajes.",
            price: 549.90m, category: "electronics", stock: 3);
        await host.Publisher.PublishAsync(TestProducts.Created(snapshot));

        var result = await host.WaitForSearchAsync($"q=camara+{word}", r => r.Total == 1, "the created product");

        var item = Assert.Single(result.Items);
        Assert.Equal(snapshot.Id, item.Id);
        Assert.Equal(snapshot.Name, item.Name);
        Assert.Equal(snapshot.Description, item.Snippet);
        Assert.Equal(549.90m, item.Price);
        Assert.Equal("EUR", item.Currency);
        Assert.Equal("electronics", item.Category);
        Assert.Equal(snapshot.ImageUrl, item.ImageUrl);
        Assert.Equal(3, item.Stock);
        Assert.Equal(1, result.Facets.Category["electronics"]);
        Assert.Equal((1, 20), (result.Page, result.PageSize));

        using var raw = await host.Client.GetAsync(new Uri($"/api/search?q={word}", UriKind.Relative));
        using var json = JsonDocument.Parse(await raw.Content.ReadAsStringAsync());
        Assert.Equal(["total", "page", "pageSize", "items", "facets", "currency", "currencies"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Search_PriceSortAndFilter_StayInTheCatalogueCurrency()
    {
        var word = TestProducts.UniqueWord();
        var cable = TestProducts.Snapshot(name: $"Cable {word}", price: 6_000m, currency: "COP");
        var laptop = TestProducts.Snapshot(name: $"Portátil {word}", price: 3_500_000m, currency: "COP");
        var dollars = TestProducts.Snapshot(name: $"Laptop {word}", price: 1_199m, currency: "USD");
        foreach (var p in new[] { cable, laptop, dollars })
        {
            await host.Publisher.PublishAsync(TestProducts.Created(p));
        }

        await host.WaitForSearchAsync($"q={word}", r => r.Total == 3, "the three products");

        // Low to high never puts USD 1,199 between COP 6.000 and COP 3.500.000.
        var byPrice = await host.WaitForSearchAsync($"q={word}&sort=price_asc", _ => true, "a price sort");
        Assert.Equal([cable.Id, laptop.Id], byPrice.Items.Select(i => i.Id));
        Assert.Equal(("COP", 3_500_000.00m), (byPrice.Currency, byPrice.Items[1].Price));

        // A 1.000–5.000 peso range holds none of them (the USD 1,199 used to match).
        var band = await host.WaitForSearchAsync($"q={word}&minPrice=1000&maxPrice=5000", _ => true, "a price band");
        Assert.Empty(band.Items);
        Assert.Equal(["COP"], band.Currencies);
    }

    [Theory]
    [InlineData("pageSize=51", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("minPrice=abc", "minPrice")]
    [InlineData("maxPrice=-1", "maxPrice")]
    [InlineData("minPrice=10&maxPrice=5", "minPrice")]
    [InlineData("inStock=yes", "inStock")]
    [InlineData("category=Not%20A%20Category", "category")]
    [InlineData("page=500&pageSize=50", "page")]
    [InlineData("q=a&q=b", "q")]
    public async Task Search_BadParameter_Returns400NamingIt(string queryString, string parameter)
    {
        using var response = await host.Client.GetAsync(new Uri("/api/search?" + queryString, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://covacha.dev/problems/bad-request", json.RootElement.GetProperty("type").GetString());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Search_QueryLongerThan200_Returns400()
    {
        using var response = await host.Client.GetAsync(new Uri("/api/search?q=" + new string('a', 201), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        using var ok = await host.Client.GetAsync(new Uri("/api/search?q=" + new string('a', 200), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Suggest_TypedPrefix_ReturnsMatchingNames()
    {
        var word = TestProducts.UniqueWord();
        var snapshot = TestProducts.Snapshot(name: $"{word} Auriculares");
        await host.Publisher.PublishAsync(TestProducts.Created(snapshot));
        await host.WaitForSearchAsync($"q={word}", r => r.Total == 1, "the product to suggest");

        var response = await host.Client.GetFromJsonAsync(new Uri($"/api/search/suggest?q={word[..8]}", UriKind.Relative), SearchJsonContext.Default.SuggestResponse);

        var suggestion = Assert.Single(response!.Suggestions);
        Assert.Equal((snapshot.Id, snapshot.Name), (suggestion.Id, suggestion.Name));
        var empty = await host.Client.GetFromJsonAsync(new Uri("/api/search/suggest?q=", UriKind.Relative), SearchJsonContext.Default.SuggestResponse);
        Assert.Empty(empty!.Suggestions);
    }

    [Fact]
    public async Task Reindex_WithoutToken_Returns401AndAsUser403()
    {
        using var anonymous = await host.Client.PostAsync(new Uri("/api/search/reindex", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/search/reindex", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.UserToken());
        using var asUser = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);

        using var status = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/search/reindex", UriKind.Relative));
        status.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.UserToken());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(status)).StatusCode);
    }
}
