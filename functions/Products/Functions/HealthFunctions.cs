using Covacha.Shared.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Products.Functions;

public sealed class HealthFunctions(ReadinessProbe probe)
{
    [Function("ProductsLive")]
    public Ok<LivenessReport> Live(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/health/live")] HttpRequest request) =>
        TypedResults.Ok(new LivenessReport("alive", "products"));

    [Function("ProductsReady")]
    public Task<IResult> Ready(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/health/ready")] HttpRequest request,
        CancellationToken cancellationToken) =>
        probe.RespondAsync(cancellationToken);
}
