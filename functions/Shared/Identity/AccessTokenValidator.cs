using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Covacha.Shared.Http;

namespace Covacha.Shared.Identity;

/// <summary>
/// Validates a bearer access token locally: ES256 only, issuer, audience and lifetime pinned,
/// the key found by <c>kid</c>. No call to Auth per request.
/// </summary>
public sealed class AccessTokenValidator(ISigningKeyStore keys, IOptions<IdentityOptions> options, TimeProvider clock)
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;
    private const int MaxTokenLength = 4096;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The caller, or the problem to answer with (401, or 503 when keys cannot be fetched).</summary>
    public async Task<CallerResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Unauthorized();
        }

        return await ValidateAsync(header["Bearer ".Length..].Trim(), cancellationToken);
    }

    public async Task<CallerResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return Problems.Unauthorized("The bearer token is malformed.");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Problems.Unauthorized("The bearer token is malformed.");
        }

        if (jwt.Alg != Algorithm || string.IsNullOrEmpty(jwt.Kid))
        {
            return Problems.Unauthorized("The bearer token is not signed with an accepted algorithm.");
        }

        SecurityKey? key;
        try
        {
            key = await keys.FindAsync(jwt.Kid, cancellationToken);
        }
        catch (SigningKeysUnavailableException)
        {
            return Problems.Unavailable("The token signing keys are not reachable right now.");
        }

        if (key is null)
        {
            return Problems.Unauthorized("The bearer token is signed by an unknown key.");
        }

        var settings = options.Value;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidAlgorithms = [Algorithm],
            IssuerSigningKey = key,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds),
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } exp && exp + p.ClockSkew > now && (notBefore is not { } nbf || nbf - p.ClockSkew <= now);
            },
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return Problems.Unauthorized("The bearer token is invalid or expired.");
        }

        var claims = result.ClaimsIdentity;
        var role = claims.FindFirst("role")?.Value;
        if (!Guid.TryParse(claims.FindFirst("sub")?.Value, out var userId) || !Roles.IsKnown(role))
        {
            return Problems.Unauthorized("The bearer token lacks a subject or role.");
        }

        var emailVerified = string.Equals(claims.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return new Caller(userId, role!, claims.FindFirst("email")?.Value, claims.FindFirst("name")?.Value, emailVerified);
    }
}

/// <summary>Either the caller or the problem to answer with.</summary>
public readonly record struct CallerResult(Caller? Caller, ApiProblem? Problem = null)
{
    public static implicit operator CallerResult(Caller caller) => new(caller);
    public static implicit operator CallerResult(ApiProblem problem) => new(null, problem);
}
