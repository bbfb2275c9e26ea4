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

        Guid? after = null;
        var rawAfter = query["after"].ToString();
        if (rawAfter.Length > 0)
        {
            if (!Guid.TryParse(rawAfter, out var afterId))
            {
                return Problems.BadRequest("after", "Must be the next value of a previous page.");
            }

            after = afterId;
        }

        var items = await store.ExportAsync(after, limit, cancellationToken);
        var next = items.Count == limit ? items[^1].Id.ToString() : null;
        return TypedResults.Json(new ExportPage(items, next), ProductsJsonContext.Default.ExportPage);
    }
}
