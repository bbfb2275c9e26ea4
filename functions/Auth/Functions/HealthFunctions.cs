using Covacha.Shared.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

public sealed class HealthFunctions(ReadinessProbe probe)
{
    [Function("AuthLive")]
    public Ok<LivenessReport> Live(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/health/live")] HttpRequest request) =>
        TypedResults.Ok(new LivenessReport("alive", "auth"));

    [Function("AuthReady")]
    public Task<IResult> Ready(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/health/ready")] HttpRequest request,
        CancellationToken cancellationToken) =>
        probe.RespondAsync(cancellationToken);
}
