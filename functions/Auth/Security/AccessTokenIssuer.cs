using Covacha.Shared.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Security;

/// <summary>Signs ES256 access tokens with the active key: iss aud sub exp iat jti role email name email_verified.</summary>
public sealed class AccessTokenIssuer(
    SigningKeyRing keys,
    IOptions<IdentityOptions> identity,
    IOptions<AuthOptions> options,
    TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.AccessTokenLifetimeSeconds);

    public IssuedAccessToken Issue(AccountSubject subject)
    {
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = identity.Value.Issuer,
            Audience = identity.Value.Audience,
            IssuedAt = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.Active,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sub"] = subject.Id.ToString(),
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["role"] = subject.Role,
                ["email"] = subject.Email,
                ["name"] = subject.DisplayName,
                ["email_verified"] = subject.EmailVerified,
            },
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), (int)Lifetime.TotalSeconds);
    }
}

/// <summary>Who a token is issued to.</summary>
public sealed record AccountSubject(Guid Id, string Email, string DisplayName, string Role, bool EmailVerified = false);

public sealed record IssuedAccessToken(string Token, int ExpiresIn);
