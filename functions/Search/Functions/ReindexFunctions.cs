using Covacha.Search.Model;
using Covacha.Search.Reindex;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Search.Functions;

/// <summary>Admin only: rebuild the read model from Products' export, and watch its progress.</summary>
public sealed class ReindexFunctions(AccessTokenValidator tokens, ReindexService reindex)
{
    [Function("SearchReindexStart")]
    public async Task<Results<JsonHttpResult<ReindexStatus>, ApiProblem>> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "search/reindex")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await RequireAdminAsync(request, cancellationToken) is { } problem)
        {
            return problem;
        }

        return TypedResults.Json(reindex.Start(), SearchJsonContext.Default.ReindexStatus, statusCode: StatusCodes.Status202Accepted);
    }

    [Function("SearchReindexStatus")]
    public async Task<Results<JsonHttpResult<ReindexStatus>, ApiProblem>> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search/reindex")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await RequireAdminAsync(request, cancellationToken) is { } problem)
        {
            return problem;
        }

        return TypedResults.Json(reindex.Status, SearchJsonContext.Default.ReindexStatus);
    }

    private async Task<ApiProblem?> RequireAdminAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await tokens.AuthenticateAsync(request, cancellationToken);
        if (result.Problem is not null)
        {
            return result.Problem;
        }

        return result.Caller!.IsAdmin ? null : Problems.Forbidden("Only an admin may reindex.");
    }
}
