using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;

namespace Covacha.Shared.Pipeline;

public static class CallerExtensions
{
    /// <summary>The caller the pipeline authenticated for a function marked <see cref="SignedInAttribute"/> or <see cref="RequireRoleAttribute"/>.</summary>
    public static Caller Caller(this HttpRequest request) =>
        request.HttpContext.Features.Get<CallerFeature>()?.Authenticated
        ?? throw new InvalidOperationException("No authenticated caller: mark the function [SignedIn] or [RequireRole], or call AuthenticateAsync.");

    /// <summary>
    /// Authenticates the request's bearer token (once per request) for a function where signing in
    /// is optional: the caller, or the problem to answer (401, or 503 when the keys are unreachable).
    /// </summary>
    public static Task<CallerResult> AuthenticateAsync(this HttpRequest request, CancellationToken cancellationToken) =>
        request.HttpContext.Features.Get<CallerFeature>()?.AuthenticateAsync(cancellationToken)
        ?? throw new InvalidOperationException("The request pipeline did not run for this request.");
}
