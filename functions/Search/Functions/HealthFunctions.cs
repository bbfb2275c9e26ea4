using Covacha.Shared.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Search.Functions;

public sealed class HealthFunctions(ReadinessProbe probe)
{
    [Function("SearchLive")]
    public Ok<LivenessReport> Live(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search/health/live")] HttpRequest request) =>
        TypedResults.Ok(new LivenessReport("alive", "search"));

    [Function("SearchReady")]
    public Task<IResult> Ready(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search/health/ready")] HttpRequest request,
        CancellationToken cancellationToken) =>
        probe.RespondAsync(cancellationToken);
}
