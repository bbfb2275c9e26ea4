using System.Security.Cryptography;
using Covacha.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Tests;

/// <summary>Throwaway EC P-256 keys and helpers to build option objects from them.</summary>
public sealed class TestKey
{
    public TestKey(string? keyId = null)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        KeyId = keyId ?? "k-" + Guid.NewGuid().ToString("N")[..12];
        Pem = ecdsa.ExportPkcs8PrivateKeyPem();
    }

    public string KeyId { get; }
    public string Pem { get; }

    public SigningKeyOptions Options => new() { KeyId = KeyId, PrivateKeyPem = Pem };

    /// <summary>Credentials to forge or mint tokens with this key in tests.</summary>
    public SigningCredentials Credentials()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(Pem);
        return new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);
    }

    public static IOptions<AuthOptions> Ring(params TestKey[] keys) =>
        Microsoft.Extensions.Options.Options.Create(new AuthOptions
        {
            SigningKeys = keys.Select(k => k.Options).ToList(),
            PublicUrl = "http://127.0.0.1:8080",
            ProductsBaseUrl = "http://127.0.0.1:8080",
        });
}
