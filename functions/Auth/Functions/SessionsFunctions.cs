using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

/// <summary>A user's own sessions: list them, end one, end all ("log out everywhere").</summary>
public sealed class SessionsFunctions(RefreshTokenStore refreshTokens)
{
    [Function("AuthSessionsList")]
    [SignedIn]
    public async Task<Results<Ok<SessionList>, ApiProblem>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/sessions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var sessions = await refreshTokens.ListSessionsAsync(request.Caller().UserId, RefreshCookie.Read(request), cancellationToken);
        return TypedResults.Ok(new SessionList(sessions));
    }

    [Function("AuthSessionsEndAll")]
    [SignedIn]
    public async Task<Results<NoContent, ApiProblem>> EndAll(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "auth/sessions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeAllSessionsAsync(request.Caller().UserId, cancellationToken);
        RefreshCookie.Clear(request.HttpContext.Response);
        return TypedResults.NoContent();
    }

    [Function("AuthSessionsEnd")]
    [SignedIn]
    public async Task<Results<NoContent, ApiProblem>> End(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "auth/sessions/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        await refreshTokens.RevokeSessionAsync(request.Caller().UserId, id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("You have no live session with this id.");
}
