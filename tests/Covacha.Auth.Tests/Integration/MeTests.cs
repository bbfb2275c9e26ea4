using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Tests.Integration;

/// <summary>/me and, through it, every way a bearer token can be wrong.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class MeTests(AuthHost host)
{
    private string Mint(TestKey key, Guid sub, string? audience = null, DateTime? expires = null, DateTime? issuedAt = null, string role = "user")
    {
        var now = DateTime.UtcNow;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = host.Issuer,
            Audience = audience ?? host.Audience,
            IssuedAt = issuedAt ?? now,
            Expires = expires ?? now.AddMinutes(15),
            SigningCredentials = key.Credentials(),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = sub.ToString(), ["jti"] = Guid.NewGuid().ToString("N"), ["role"] = role, ["email"] = "x@example.com", ["name"] = "X",
            },
        });
    }

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task Me_ValidToken_ProfileFromDatabase()
    {
        var user = await host.RegisterAsync(displayName: "Profile Owner");
        var session = await host.LoginAsync(user);

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Problem.JsonAsync(response);
        Assert.Equal(user.Id, body.GetProperty("id").GetGuid());
        Assert.Equal(user.Email, body.GetProperty("email").GetString());
        Assert.Equal("Profile Owner", body.GetProperty("displayName").GetString());
        Assert.Equal("user", body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_TokenSignedBySecondPublishedKey_Accepted()
    {
        var user = await host.RegisterAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", Mint(host.SecondKey, user.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_NoToken_Unauthorized()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me");

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_AlgNone_Unauthorized()
    {
        var user = await host.RegisterAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = B64("""{"alg":"none","typ":"JWT"}""") + "." +
            B64($$"""{"iss":"{{host.Issuer}}","aud":"{{host.Audience}}","sub":"{{user.Id}}","role":"admin","iat":{{now}},"exp":{{now + 600}}}""") + ".";

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", token);

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_AlgNoneWithKnownKid_Unauthorized()
    {
        var user = await host.RegisterAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = B64($$"""{"alg":"none","kid":"{{host.ActiveKey.KeyId}}"}""") + "." +
            B64($$"""{"iss":"{{host.Issuer}}","aud":"{{host.Audience}}","sub":"{{user.Id}}","role":"admin","iat":{{now}},"exp":{{now + 600}}}""") + ".";

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", token);

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_TokenSignedByAnotherKeyWithPublishedKid_Unauthorized()
    {
        var user = await host.RegisterAsync();
        var forger = new TestKey(host.ActiveKey.KeyId);

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", Mint(forger, user.Id));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_TokenSignedByUnknownKey_Unauthorized()
    {
        var user = await host.RegisterAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", Mint(new TestKey(), user.Id));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_ExpiredToken_Unauthorized()
    {
        var user = await host.RegisterAsync();
        var past = DateTime.UtcNow.AddHours(-1);

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me",
            Mint(host.ActiveKey, user.Id, expires: past.AddMinutes(15), issuedAt: past));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_WrongAudience_Unauthorized()
    {
        var user = await host.RegisterAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", Mint(host.ActiveKey, user.Id, audience: "someone-else"));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_TamperedPayload_Unauthorized()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);
        var parts = session.AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"user\"", "\"admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{B64(payload)}.{parts[2]}";

        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", tampered);

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("'; DROP TABLE users; --")]
    public async Task Me_GarbageToken_Unauthorized(string token)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", token);

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_HugeToken_Unauthorized()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", new string('a', 8000));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Me_ValidTokenForUnknownUser_Unauthorized()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/me", Mint(host.ActiveKey, Guid.NewGuid()));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }
}
