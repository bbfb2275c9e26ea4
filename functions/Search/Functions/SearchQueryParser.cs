using System.Globalization;
using System.Text.RegularExpressions;
using Covacha.Search.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Money;
using Microsoft.AspNetCore.Http;

namespace Covacha.Search.Functions;

/// <summary>Reads the search query string; every bad value is a 400 naming its parameter.</summary>
public static partial class SearchQueryParser
{
    /// <summary>
    /// Reads the query against the catalogue's <paramref name="currencies"/> (default first): a
    /// price filter or a price sort applies to <c>currency</c>, else to the default, and only
    /// products priced in that currency match; <c>currency</c> alone also restricts to it.
    /// </summary>
    public static (SearchQuery? Query, ApiProblem? Problem) Parse(IQueryCollection values, IReadOnlyList<string> currencies)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        string? Single(string name)
        {
            var v = values[name];
            if (v.Count > 1)
            {
                errors[name] = ["Give this parameter once."];
                return null;
            }

            return v.Count == 0 || string.IsNullOrEmpty(v[0]) ? null : v[0];
        }

        var text = Single("q") ?? "";
        if (text.Length > SearchQuery.MaxTextLength)
        {
            errors["q"] = [$"At most {SearchQuery.MaxTextLength} characters."];
        }

        var category = Single("category");
        if (category is not null && !CategoryId().IsMatch(category))
        {
            errors["category"] = ["Not a category id."];
        }

        var requestedCurrency = Single("currency");
        if (requestedCurrency is not null && !currencies.Contains(requestedCurrency))
        {
            errors["currency"] = [$"One of {string.Join(", ", currencies)}."];
        }

        var currency = requestedCurrency ?? currencies[0];

        decimal? Price(string name)
        {
            var raw = Single(name);
            if (raw is null)
            {
                return null;
            }

            if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1_000_000_000_000m)
            {
                errors[name] = [$"A number of {currency} without separators, such as 1200000."];
                return null;
            }

            return value;
        }

        var minPrice = Price("minPrice");
        var maxPrice = Price("maxPrice");
        if (minPrice > maxPrice)
        {
            errors["minPrice"] = ["Must not exceed maxPrice."];
        }

        bool? inStock = Single("inStock") switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail("inStock", "true or false."),
        };

        var sort = Single("sort") switch
        {
            null or "relevance" => SearchSort.Relevance,
            "price_asc" => SearchSort.PriceAsc,
            "price_desc" => SearchSort.PriceDesc,
            "newest" => SearchSort.Newest,
            _ => FailSort(),
        };

        var page = Integer("page", 1, 1, SearchQuery.MaxResultWindow);
        var pageSize = Integer("pageSize", 20, 1, SearchQuery.MaxPageSize);
        if (errors.Count == 0 && page * pageSize > SearchQuery.MaxResultWindow)
        {
            errors["page"] = [$"Results beyond the first {SearchQuery.MaxResultWindow} are not served; narrow the search."];
        }

        if (errors.Count > 0)
        {
            return (null, new ApiProblem(400, "bad-request", "The request is malformed.",
                string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors));
        }

        // Minor units: a minimum rounds up and a maximum down to what a price can be.
        var scale = Money.ToMajor(1, currency);
        long? min = minPrice is { } lo ? (long)decimal.Ceiling(lo / scale) : null;
        long? max = maxPrice is { } hi ? (long)decimal.Floor(hi / scale) : null;
        var byPrice = min is not null || max is not null || sort is SearchSort.PriceAsc or SearchSort.PriceDesc || requestedCurrency is not null;
        return (new SearchQuery(text, category, min, max, inStock, sort, page, pageSize, byPrice ? currency : null), null);

        int Integer(string name, int fallback, int min, int max)
        {
            var raw = Single(name);
            if (raw is null)
            {
                return fallback;
            }

            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                errors[name] = [$"An integer from {min} to {max}."];
                return fallback;
            }

            return value;
        }

        bool? Fail(string name, string message)
        {
            errors[name] = [message];
            return null;
        }

        SearchSort FailSort()
        {
            errors["sort"] = ["One of relevance, price_asc, price_desc, newest."];
            return SearchSort.Relevance;
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex CategoryId();
}
