using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class JwksTests(AuthHost host)
{
    [Fact]
    public async Task Jwks_TwoConfiguredKeys_BothPublishedAsPublicEs256Keys()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var set = new JsonWebKeySet(json);
        Assert.Equal([host.ActiveKey.KeyId, host.SecondKey.KeyId], set.Keys.Select(k => k.Kid));
        Assert.All(set.Keys, k =>
        {
            Assert.Equal("EC", k.Kty);
            Assert.Equal("P-256", k.Crv);
            Assert.Equal("ES256", k.Alg);
            Assert.Equal("sig", k.Use);
            Assert.False(string.IsNullOrEmpty(k.X));
            Assert.False(string.IsNullOrEmpty(k.Y));
            Assert.Null(k.D);
        });
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jwks_PublishedKey_VerifiesAnIssuedToken()
    {
        var session = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/.well-known/jwks.json");
        var set = new JsonWebKeySet(await response.Content.ReadAsStringAsync());

        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(session.AccessToken,
            new TokenValidationParameters
            {
                ValidIssuer = host.Issuer,
                ValidAudience = host.Audience,
                IssuerSigningKeys = set.Keys,
                ValidAlgorithms = ["ES256"],
            });

        Assert.True(result.IsValid, result.Exception?.Message);
    }
}
