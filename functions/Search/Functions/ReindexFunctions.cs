using Covacha.Search.Model;
using Covacha.Search.Reindex;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Covacha.Shared.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Search.Functions;

/// <summary>Admin only: rebuild the read model from Products' export, and watch its progress.</summary>
public sealed class ReindexFunctions(ReindexService reindex)
{
    private const string OnlyAdmins = "Only an admin may reindex.";

    [Function("SearchReindexStart")]
    [RequireRole(Roles.Admin, Denied = OnlyAdmins)]
    public Results<JsonHttpResult<ReindexStatus>, ApiProblem> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "search/reindex")] HttpRequest request) =>
        TypedResults.Json(reindex.Start(), SearchJsonContext.Default.ReindexStatus, statusCode: StatusCodes.Status202Accepted);

    [Function("SearchReindexStatus")]
    [RequireRole(Roles.Admin, Denied = OnlyAdmins)]
    public Results<JsonHttpResult<ReindexStatus>, ApiProblem> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search/reindex")] HttpRequest request) =>
        TypedResults.Json(reindex.Status, SearchJsonContext.Default.ReindexStatus);
}
