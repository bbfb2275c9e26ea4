using System.Globalization;
using Covacha.Products.Data;
using Covacha.Products.Model;
using Covacha.Shared.Events;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Covacha.Shared.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Products.Functions;

/// <summary>Pages of full product snapshots (tombstones included) for Search to rebuild its read model.</summary>
public sealed class ExportFunctions(ProductStore store)
{
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 1000;

    [Function("ProductsExport")]
    [RequireRole(Roles.Admin, Denied = "Only an admin or the Search service may export.", OrServiceKey = true)]
    public async Task<Results<JsonHttpResult<ExportPage>, ApiProblem>> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = request.Query;
        var limit = DefaultPageSize;
        if (query.TryGetValue("limit", out var rawLimit)
            && (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
        {
            return Problems.BadRequest("limit", $"Must be a whole number from 1 to {MaxPageSize}.");
        }

        // `after` is the older name of `cursor`, kept for clients of the previous release.
        var (cursorName, rawCursor) = query["cursor"].ToString() is { Length: > 0 } cursor ? ("cursor", cursor) : ("after", query["after"].ToString());
        if (cursorName == "cursor" && query["after"].ToString() is { Length: > 0 } alias && alias != rawCursor)
        {
            return Problems.BadRequest("after", "Give cursor or its older name after, not both.");
        }

        Guid? after = null;
        if (rawCursor.Length > 0)
        {
            if (!Guid.TryParse(rawCursor, out var afterId))
            {
                return Problems.BadRequest(cursorName, "Not a cursor from a previous page (its nextCursor).");
            }

            after = afterId;
        }

        var items = await store.ExportAsync(after, limit, cancellationToken);
        var next = items.Count == limit ? items[^1].Id.ToString() : null;
        return TypedResults.Json(new ExportPage(items, next, next), ProductsJsonContext.Default.ExportPage);
    }
}
