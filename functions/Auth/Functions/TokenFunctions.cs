using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

/// <summary>Sessions: log in, refresh the access token, log out.</summary>
public sealed class TokenFunctions(AccountService accounts, RefreshTokenStore refreshTokens, ClientAddress clientAddress)
{
    [Function("AuthToken")]
    public async Task<Results<Ok<TokenResponse>, ApiProblem>> Token(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/token")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.TokenRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var input = body.Value!;
        var email = AccountRules.NormalizeEmail(input.Email);
        var invalid = new ValidationErrors()
            .AddIf(email.Length == 0, "email", "Required.")
            .AddIf(string.IsNullOrEmpty(input.Password), "password", "Required.")
            .ToProblem();
        if (invalid is not null)
        {
            return invalid;
        }

        var result = await accounts.LoginAsync(email, input.Password!, clientAddress.Of(request), cancellationToken);
        NoStore(request.HttpContext.Response);
        switch (result.Outcome)
        {
            case LoginOutcome.Success:
                RefreshCookie.Set(request.HttpContext.Response, result.RefreshToken!, refreshTokens.Lifetime);
                return TypedResults.Ok(new TokenResponse(result.AccessToken!.Token, "Bearer", result.AccessToken.ExpiresIn));
            case LoginOutcome.Throttled:
                return Problems.TooManyRequests(result.RetryAfter ?? TimeSpan.FromMinutes(1));
            case LoginOutcome.Suspended:
                return Problems.AccountSuspended();
            case LoginOutcome.Unavailable:
                return Problems.Unavailable("Too many logins at once; try again shortly.", TimeSpan.FromSeconds(2));
            default:
                return Problems.Unauthorized("The email or password is wrong.");
        }
    }

    [Function("AuthTokenRefresh")]
    public async Task<Results<Ok<TokenResponse>, ApiProblem>> Refresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/token/refresh")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var response = request.HttpContext.Response;
        NoStore(response);
        if (SameOrigin.IsCrossSite(request))
        {
            return CrossSite();
        }

        var result = await accounts.RefreshAsync(RefreshCookie.Read(request), cancellationToken);
        if (result.Outcome != RotationOutcome.Rotated)
        {
            RefreshCookie.Clear(response);
            if (result.Outcome == RotationOutcome.Suspended)
            {
                return Problems.AccountSuspended();
            }

            return Problems.Unauthorized("The refresh token is missing, expired, spent or revoked; log in again.");
        }

        RefreshCookie.Set(response, result.RefreshToken!, refreshTokens.Lifetime);
        return TypedResults.Ok(new TokenResponse(result.AccessToken!.Token, "Bearer", result.AccessToken.ExpiresIn));
    }

    [Function("AuthLogout")]
    public async Task<Results<NoContent, ApiProblem>> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (SameOrigin.IsCrossSite(request))
        {
            return CrossSite();
        }

        await accounts.LogoutAsync(RefreshCookie.Read(request), cancellationToken);
        RefreshCookie.Clear(request.HttpContext.Response);
        return TypedResults.NoContent();
    }

    private static ApiProblem CrossSite() => Problems.Forbidden("The refresh cookie is only accepted from this site's own pages.");

    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
