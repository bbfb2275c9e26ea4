using Covacha.Search.Data;
using Covacha.Search.Model;
using Covacha.Search.Text;
using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Covacha.Search.Functions;

public sealed class SearchFunctions(ISearchStore store, IOptions<SearchOptions> options)
{
    public const int MaxSuggestions = 8;

    [Function("SearchQuery")]
    public async Task<Results<JsonHttpResult<SearchResponse>, ApiProblem>> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (query, problem) = SearchQueryParser.Parse(request.Query, options.Value.EffectiveCurrencies);
        if (problem is not null)
        {
            return problem;
        }

        var found = await store.SearchAsync(query!, cancellationToken);
        var words = QueryTerm.Parse(query!.Text).Select(t => t.Word).ToList();
        var items = found.Items.Select(p => new SearchItem(
            p.Id, p.Name, TextFolding.Snippet(p.Description, words), p.Price, p.Currency, p.Category, p.ImageUrl, p.Stock)).ToList();
        return TypedResults.Json(
            new SearchResponse(found.Total, query.Page, query.PageSize, items, new SearchFacets(found.CategoryCounts),
                query.Currency, options.Value.EffectiveCurrencies),
            SearchJsonContext.Default.SearchResponse);
    }

    [Function("SearchSuggest")]
    public async Task<Results<JsonHttpResult<SuggestResponse>, ApiProblem>> Suggest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search/suggest")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var q = request.Query["q"];
        if (q.Count > 1)
        {
            return Problems.BadRequest("q", "Give this parameter once.");
        }

        var text = q.ToString();
        if (text.Length > SearchQuery.MaxTextLength)
        {
            return Problems.BadRequest("q", $"At most {SearchQuery.MaxTextLength} characters.");
        }

        var suggestions = await store.SuggestAsync(text, MaxSuggestions, cancellationToken);
        return TypedResults.Json(new SuggestResponse(suggestions), SearchJsonContext.Default.SuggestResponse);
    }
}
