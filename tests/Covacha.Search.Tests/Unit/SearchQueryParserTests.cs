using Covacha.Search.Functions;
using Covacha.Search.Model;
using Microsoft.AspNetCore.Http;

namespace Covacha.Search.Tests.Unit;

public sealed class SearchQueryParserTests
{
    private static (SearchQuery? Query, Covacha.Shared.Http.ApiProblem? Problem) Parse(string queryString) =>
        SearchQueryParser.Parse(
            new DefaultHttpContext { Request = { QueryString = new QueryString("?" + queryString) } }.Request.Query, ["COP", "USD", "JPY"]);

    [Fact]
    public void Parse_NoParameters_UsesDefaults()
    {
        var (query, problem) = Parse("");

        Assert.Null(problem);
        Assert.Equal(new SearchQuery("", null, null, null, null, SearchSort.Relevance, 1, 20), query);
    }

    [Fact]
    public void Parse_EveryParameter_IsRead()
    {
        var (query, _) = Parse("q=cámara+roja&category=electronics&minPrice=10.5&maxPrice=99&inStock=true&sort=price_desc&page=3&pageSize=50");

        Assert.Equal(new SearchQuery("cámara roja", "electronics", 1050, 9900, true, SearchSort.PriceDesc, 3, 50, "COP"), query);
    }

    [Fact]
    public void Parse_NoPriceFilterOrSort_DoesNotRestrictTheCurrency()
    {
        var (query, _) = Parse("q=cafe&sort=newest");

        Assert.Null(query!.Currency);
    }

    [Fact]
    public void Parse_PriceInAnotherCurrency_IsInItsMinorUnits()
    {
        var (query, _) = Parse("currency=JPY&minPrice=1000&maxPrice=5000.5");

        Assert.Equal(("JPY", 1000L, 5000L), (query!.Currency, query.MinPriceMinor, query.MaxPriceMinor));
    }

    [Fact]
    public void Parse_CurrencyNotInTheCatalogue_NamesItsParameter()
    {
        var (_, problem) = Parse("currency=EUR&minPrice=1");

        Assert.Equal("One of COP, USD, JPY.", problem!.Errors!["currency"][0]);
    }

    [Fact]
    public void Parse_SeveralBadValues_NamesEachParameter()
    {
        var (_, problem) = Parse("pageSize=100&sort=x&minPrice=1e3");

        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["minPrice", "pageSize", "sort"], problem.Errors!.Keys.Order());
    }
}
