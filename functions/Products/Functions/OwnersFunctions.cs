using Covacha.Products.Data;
using Covacha.Products.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Covacha.Products.Functions;

/// <summary>
/// Calls from Auth about an owner: when an account is deleted, its products are taken down and
/// its create count forgotten.
/// </summary>
public sealed class OwnersFunctions(ProductStore store, CreateLimit createLimit, IOptions<ProductsOptions> options)
{
    [Function("ProductsOwnerTakedown")]
    public async Task<Results<JsonHttpResult<TakedownResult>, ApiProblem>> TakeDown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "products/owners/{ownerId:guid}/takedown")] HttpRequest request,
        Guid ownerId,
        CancellationToken cancellationToken)
    {
        if (!ServiceKey.Matches(request.Headers[ServiceKey.Header].ToString(), options.Value.ServiceKey))
        {
            return Problems.Unauthorized("Only Auth may take an owner's products down (service key required).");
        }

        var takenDown = await store.TakeDownOwnerAsync(ownerId, cancellationToken);
        await createLimit.ForgetAsync(ownerId, cancellationToken);
        return TypedResults.Json(new TakedownResult(takenDown), ProductsJsonContext.Default.TakedownResult);
    }
}
