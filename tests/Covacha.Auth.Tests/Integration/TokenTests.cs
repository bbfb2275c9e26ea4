using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class TokenTests(AuthHost host)
{
    [Fact]
    public async Task Token_RightPassword_AccessTokenAndHardenedRefreshCookie()
    {
        var user = await host.RegisterAsync();
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email.ToUpperInvariant(), password = user.Password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Problem.JsonAsync(response);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt32());
        var jwt = new JsonWebToken(body.GetProperty("accessToken").GetString());
        Assert.Equal(host.ActiveKey.KeyId, jwt.Kid);
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(user.Id.ToString(), jwt.Subject);
        Assert.Equal(host.Audience, jwt.Audiences.Single());
        Assert.Equal("user", jwt.GetClaim("role").Value);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var cookie = AuthHost.RefreshSetCookie(response);
        Assert.NotNull(cookie);
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/api/auth", attributes);
        Assert.Equal(43, AuthHost.RefreshCookieOf(response)!.Length);
    }

    [Fact]
    public async Task Token_WrongPasswordOrUnknownEmail_SameUnauthorized()
    {
        var user = await host.RegisterAsync();
        using var wrong = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email, password = user.Password + "x" }));
        using var unknown = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = user.Password }));

        var a = await Problem.AssertAsync(wrong, 401, "unauthorized");
        var b = await Problem.AssertAsync(unknown, 401, "unauthorized");
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Null(AuthHost.RefreshSetCookie(wrong));
    }

    [Fact]
    public async Task Token_FiveFailuresOnOneAccount_TooManyRequestsWithRetryAfterEvenForRightPassword()
    {
        var user = await host.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                new { email = user.Email, password = "wrong password " + i }));
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email, password = user.Password }));

        await Problem.AssertAsync(throttled, 429, "too-many-requests");
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
    }

    [Fact]
    public async Task Token_TwentyFailuresFromOneAddress_TooManyRequestsForAnyAccount()
    {
        var address = AuthHost.NewAddress();
        for (var i = 0; i < 20; i++)
        {
            using var failed = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                new { email = $"spray-{i}-{Guid.NewGuid():N}@example.com", password = "guessing password" }, address));
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var user = await host.RegisterAsync();
        using var throttled = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email, password = user.Password }, address));
        using var elsewhere = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email, password = user.Password }));

        await Problem.AssertAsync(throttled, 429, "too-many-requests");
        Assert.True(throttled.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Token_SuccessAfterFailures_ResetsAccountCount()
    {
        var user = await host.RegisterAsync();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                using var failed = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                    new { email = user.Email, password = "wrong password " + i }));
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }

            await host.LoginAsync(user);
        }
    }

    [Theory]
    [InlineData("{}", "email")]
    [InlineData("{\"email\":\"a@example.com\"}", "password")]
    [InlineData("{\"email\":\"a@example.com\",\"password\":\"x\",\"remember\":true}", "remember")]
    [InlineData("{\"email\":", "email")]
    public async Task Token_BadBody_ClientErrorNamingField(string json, string field)
    {
        using var response = await host.Http.SendAsync(AuthHost.Raw(HttpMethod.Post, "/api/auth/token", json));

        Assert.InRange((int)response.StatusCode, 400, 422);
        var body = await Problem.JsonAsync(response);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Token_SqlInjectionInEmail_Unauthorized()
    {
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = "' OR '1'='1' --", password = "' OR '1'='1' --" }));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Refresh_ValidCookie_NewAccessTokenAndRotatedCookie()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Problem.JsonAsync(response);
        Assert.Equal(user.Id.ToString(), new JsonWebToken(body.GetProperty("accessToken").GetString()).Subject);
        var next = AuthHost.RefreshCookieOf(response);
        Assert.NotNull(next);
        Assert.NotEqual(session.RefreshToken, next);
        Assert.Contains("httponly", AuthHost.RefreshSetCookie(response)!.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_SpentToken_UnauthorizedAndWholeFamilyRevoked()
    {
        var session = await host.LoginAsync(await host.RegisterAsync());
        using var first = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);
        var successor = AuthHost.RefreshCookieOf(first)!;

        using var replay = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);
        using var afterReplay = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: successor);

        await Problem.AssertAsync(replay, 401, "unauthorized");
        await Problem.AssertAsync(afterReplay, 401, "unauthorized");
    }

    [Fact]
    public async Task Refresh_ConcurrentUseOfOneToken_AtMostOneSucceeds()
    {
        var session = await host.LoginAsync(await host.RegisterAsync());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken)));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.True(codes.Count(c => c == 200) <= 1, string.Join(",", codes));
        Assert.All(codes, c => Assert.True(c is 200 or 401, $"unexpected {c}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("'%20OR%201=1--")]
    public async Task Refresh_MissingOrUnknownCookie_Unauthorized(string? cookie)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: cookie);

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Logout_WithCookie_NoContentClearsCookieAndRevokesFamily()
    {
        var session = await host.LoginAsync(await host.RegisterAsync());

        using var logout = await host.SendAsync(HttpMethod.Post, "/api/auth/logout", refreshCookie: session.RefreshToken);
        using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var cleared = AuthHost.RefreshSetCookie(logout);
        Assert.NotNull(cleared);
        Assert.StartsWith("covacha_refresh=;", cleared, StringComparison.Ordinal);
        Assert.Contains("expires=thu, 01 jan 1970", cleared.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("path=/api/auth", cleared.ToLowerInvariant(), StringComparison.Ordinal);
        await Problem.AssertAsync(refresh, 401, "unauthorized");
    }

    [Fact]
    public async Task Logout_WithoutCookie_NoContent()
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/auth/logout");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Token_DemoAndBootstrapAccounts_CanLogInWithTheirRoles()
    {
        var admin = await host.LoginAdminAsync();
        var demo = await host.LoginAsync(host.DemoEmail, host.DemoPassword);

        Assert.Equal("admin", new JsonWebToken(admin.AccessToken).GetClaim("role").Value);
        Assert.Equal("user", new JsonWebToken(demo.AccessToken).GetClaim("role").Value);
        using var me = await host.SendAsync(HttpMethod.Get, "/api/auth/me", demo.AccessToken);
        Assert.Equal(host.DemoEmail, (await me.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("email").GetString());
    }
}
