using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Covacha.Shared.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Testing;

/// <summary>
/// Mints ES256 access tokens with a key this test run controls and serves its JWKS on loopback,
/// so tests of Products and Search do not depend on Auth: an app is pointed at it with
/// Identity:JwksUrl, or given <see cref="Keys"/> directly when no HTTP is wanted.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    public const string Issuer = "covacha-local";
    public const string Audience = "covacha";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly HttpListener _listener = new();
    private readonly JsonWebTokenHandler _handler = new();
    private readonly byte[] _jwks;

    public TestTokenIssuer()
    {
        KeyId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var q = _key.ExportParameters(false).Q;
        _jwks = Encoding.UTF8.GetBytes(
            $$"""{"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"{{KeyId}}","x":"{{Base64Url.EncodeToString(q.X)}}","y":"{{Base64Url.EncodeToString(q.Y)}}"}]}""");
        var port = FreePort();
        JwksUrl = $"http://127.0.0.1:{port}/jwks.json";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string KeyId { get; }
    public string JwksUrl { get; }

    /// <summary>The JWKS document this issuer serves.</summary>
    public string JwksJson => Encoding.UTF8.GetString(_jwks);

    /// <summary>The verifying key as an in-process key store (no JWKS fetch).</summary>
    public ISigningKeyStore Keys => new FixedKeyStore(KeyId, new ECDsaSecurityKey(_key) { KeyId = KeyId });

    public string Issue(Guid userId, string role = "user", TimeSpan? lifetime = null, ECDsa? signWith = null, bool emailVerified = true)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(15));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = lifetime is { } l && l < TimeSpan.Zero ? expires.AddMinutes(-15) : now,
            NotBefore = lifetime is { } l2 && l2 < TimeSpan.Zero ? expires.AddMinutes(-15) : now,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId.ToString(),
                ["role"] = role,
                ["jti"] = Guid.NewGuid().ToString(),
                ["email"] = $"{userId:N}@covacha.test",
                ["name"] = "Test user",
                ["email_verified"] = emailVerified,
            },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        };
        return _handler.CreateToken(descriptor);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = _jwks.Length;
            await context.Response.OutputStream.WriteAsync(_jwks);
            context.Response.Close();
        }
    }

    private sealed class FixedKeyStore(string keyId, SecurityKey key) : ISigningKeyStore
    {
        public ValueTask<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken) =>
            ValueTask.FromResult(kid == keyId ? key : null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
        _key.Dispose();
    }
}
