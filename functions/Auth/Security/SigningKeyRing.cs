using System.Security.Cryptography;
using Covacha.Shared.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Security;

/// <summary>
/// Auth's EC P-256 keys from configuration. The first signs; every one verifies and is
/// published, so a key can be rotated in (add it second, then move it first) and out
/// (remove it once tokens signed by it have expired) without logging anybody out.
/// Auth's own token checks look keys up here: no HTTP call to itself.
/// </summary>
public sealed class SigningKeyRing : ISigningKeyStore, IDisposable
{
    private readonly List<ECDsa> _owned = [];
    private readonly Dictionary<string, ECDsaSecurityKey> _public = new(StringComparer.Ordinal);

    public SigningKeyRing(IOptions<AuthOptions> options)
    {
        var configured = options.Value.SigningKeys;
        Public = [];
        for (var i = 0; i < configured.Count; i++)
        {
            var ecdsa = ECDsa.Create();
            _owned.Add(ecdsa);
            ecdsa.ImportFromPem(configured[i].PrivateKeyPem);
            var kid = configured[i].KeyId;
            var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
            var publicOnly = ECDsa.Create(parameters);
            _owned.Add(publicOnly);
            var publicKey = new ECDsaSecurityKey(publicOnly) { KeyId = kid };
            _public[kid] = publicKey;
            Public.Add(new PublicJwk(
                "EC", "P-256",
                Base64UrlEncoder.Encode(parameters.Q.X!),
                Base64UrlEncoder.Encode(parameters.Q.Y!),
                kid, AccessTokenValidator.Algorithm, "sig"));
            if (i == 0)
            {
                Active = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256);
            }
        }

        if (Active is null)
        {
            throw new InvalidOperationException("Auth:SigningKeys:0:KeyId is required");
        }
    }

    /// <summary>The key new tokens are signed with.</summary>
    public SigningCredentials Active { get; }

    /// <summary>Every key's public half, as published in the JWKS document.</summary>
    public List<PublicJwk> Public { get; }

    public ValueTask<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SecurityKey?>(_public.GetValueOrDefault(kid));

    public void Dispose()
    {
        foreach (var key in _owned)
        {
            key.Dispose();
        }
    }
}

/// <summary>One public key in a JWKS document (RFC 7517/7518), EC only.</summary>
public sealed record PublicJwk(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);
