using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;

namespace Covacha.Shared.Pipeline;

/// <summary>
/// The request's caller, authenticated from its bearer token at most once: by the pipeline for a
/// function that requires it, or on demand by a function where signing in is optional.
/// </summary>
public sealed class CallerFeature(AccessTokenValidator? validator, HttpRequest request)
{
    private Task<CallerResult>? _result;

    /// <summary>The caller once authentication succeeded, otherwise null.</summary>
    public Caller? Authenticated => _result is { IsCompletedSuccessfully: true } done ? done.Result.Caller : null;

    public Task<CallerResult> AuthenticateAsync(CancellationToken cancellationToken) =>
        _result ??= validator is null
            ? Task.FromResult<CallerResult>(Problems.Unauthorized())
            : validator.AuthenticateAsync(request, cancellationToken);
}
