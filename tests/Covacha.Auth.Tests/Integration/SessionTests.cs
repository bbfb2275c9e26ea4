using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Covacha.Auth.Tests.Integration;

/// <summary>Sessions (refresh families): revocations never miss a successor, sessions end, users manage theirs.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class SessionTests(AuthHost host)
{
    private const int Rounds = 40;

    private Task<HttpResponseMessage> RefreshAsync(string token) =>
        host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: token);

    [Fact]
    public async Task Logout_RacingARotation_SuccessorIsDeadEveryTime()
    {
        var user = await host.RegisterAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var session = await host.LoginAsync(user);
            var rotation = RefreshAsync(session.RefreshToken);
            var logout = host.SendAsync(HttpMethod.Post, "/api/auth/logout", refreshCookie: session.RefreshToken);
            using var rotated = await rotation;
            using var loggedOut = await logout;

            Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
            if (AuthHost.RefreshCookieOf(rotated) is { Length: > 0 } successor)
            {
                using var after = await RefreshAsync(successor);
                Assert.True(after.StatusCode == HttpStatusCode.Unauthorized, $"round {round}: the successor still refreshes after logout");
            }
        }
    }

    [Fact]
    public async Task Replay_RacingARotation_SuccessorIsDeadEveryTime()
    {
        var user = await host.RegisterAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var session = await host.LoginAsync(user);
            using var first = await RefreshAsync(session.RefreshToken);
            var current = AuthHost.RefreshCookieOf(first)!;

            // The holder rotates the current token while someone replays the spent one.
            var rotation = RefreshAsync(current);
            var replay = RefreshAsync(session.RefreshToken);
            using var rotated = await rotation;
            using var replayed = await replay;

            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
            if (AuthHost.RefreshCookieOf(rotated) is { Length: > 0 } successor)
            {
                using var after = await RefreshAsync(successor);
                Assert.True(after.StatusCode == HttpStatusCode.Unauthorized, $"round {round}: the successor survived reuse detection");
            }
        }
    }

    [Fact]
    public async Task Refresh_PastTheAbsoluteSessionEnd_UnauthorizedThoughTheTokenIsFresh()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);
        using var first = await RefreshAsync(session.RefreshToken);
        var current = AuthHost.RefreshCookieOf(first)!;
        await using var source = NpgsqlDataSource.Create(host.AuthDatabase);
        await using (var check = source.CreateCommand(
            """
            SELECT f.expires_at - f.created_at, bool_and(t.expires_at <= f.expires_at)
            FROM refresh_families f JOIN refresh_tokens t ON t.family_id = f.id
            WHERE f.user_id = $1 GROUP BY f.id
            """))
        {
            check.Parameters.AddWithValue(user.Id);
            await using var reader = await check.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(TimeSpan.FromDays(30), reader.GetTimeSpan(0));
            Assert.True(reader.GetBoolean(1), "a token outlives its session");
        }

        // Thirty days later, the session ends however recently it was refreshed.
        await using (var age = source.CreateCommand(
            "UPDATE refresh_families SET created_at = now() - interval '30 days', expires_at = now() - interval '1 second' WHERE user_id = $1"))
        {
            age.Parameters.AddWithValue(user.Id);
            await age.ExecuteNonQueryAsync();
        }

        using var late = await RefreshAsync(current);
        await Problem.AssertAsync(late, 401, "unauthorized");
    }

    [Fact]
    public async Task Sessions_ListEndOneEndAll_OnlyTheCallersAndTheyStopRefreshing()
    {
        var user = await host.RegisterAsync();
        var stranger = await host.LoginAsync(await host.RegisterAsync());
        var laptop = await host.LoginAsync(user);
        var phone = await host.LoginAsync(user);
        var tablet = await host.LoginAsync(user);

        using var listed = await host.SendAsync(HttpMethod.Get, "/api/auth/sessions", laptop.AccessToken, refreshCookie: laptop.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var items = (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Single(items, i => i.GetProperty("current").GetBoolean());
        var phoneId = await SessionIdAsync(phone);

        using var strangerEnds = await host.SendAsync(HttpMethod.Delete, $"/api/auth/sessions/{phoneId}", stranger.AccessToken);
        await Problem.AssertAsync(strangerEnds, 404, "not-found");
        using var endPhone = await host.SendAsync(HttpMethod.Delete, $"/api/auth/sessions/{phoneId}", laptop.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, endPhone.StatusCode);
        using var phoneRefresh = await RefreshAsync(phone.RefreshToken);
        await Problem.AssertAsync(phoneRefresh, 401, "unauthorized");

        using var everywhere = await host.SendAsync(HttpMethod.Delete, "/api/auth/sessions", laptop.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, everywhere.StatusCode);
        Assert.StartsWith("covacha_refresh=;", AuthHost.RefreshSetCookie(everywhere), StringComparison.Ordinal);
        foreach (var token in new[] { laptop.RefreshToken, tablet.RefreshToken })
        {
            using var refresh = await RefreshAsync(token);
            await Problem.AssertAsync(refresh, 401, "unauthorized");
        }

        using var strangerStill = await RefreshAsync(stranger.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, strangerStill.StatusCode);
        using var none = await host.SendAsync(HttpMethod.Get, "/api/auth/sessions", laptop.AccessToken);
        Assert.Empty((await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Sessions_WithoutBearer_Unauthorized()
    {
        using var list = await host.SendAsync(HttpMethod.Get, "/api/auth/sessions");
        using var end = await host.SendAsync(HttpMethod.Delete, "/api/auth/sessions");

        await Problem.AssertAsync(list, 401, "unauthorized");
        await Problem.AssertAsync(end, 401, "unauthorized");
    }

    [Theory]
    [InlineData("/api/auth/token/refresh", "Sec-Fetch-Site", "cross-site")]
    [InlineData("/api/auth/token/refresh", "Sec-Fetch-Site", "same-site")]
    [InlineData("/api/auth/token/refresh", "Origin", "https://evil.example")]
    [InlineData("/api/auth/token/refresh", "Origin", "null")]
    [InlineData("/api/auth/logout", "Sec-Fetch-Site", "cross-site")]
    [InlineData("/api/auth/logout", "Origin", "https://evil.example")]
    public async Task CookieEndpoints_CrossSiteBrowserRequest_ForbiddenAndSessionUntouched(string path, string header, string value)
    {
        var session = await host.LoginAsync(await host.RegisterAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", $"covacha_refresh={session.RefreshToken}");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await host.Http.SendAsync(request);

        await Problem.AssertAsync(response, 403, "forbidden");
        using var still = await RefreshAsync(session.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task CookieEndpoints_SameOriginBrowserRequest_Served()
    {
        var session = await host.LoginAsync(await host.RegisterAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token/refresh");
        request.Headers.Add("Cookie", $"covacha_refresh={session.RefreshToken}");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Guid> SessionIdAsync(Session session)
    {
        using var listed = await host.SendAsync(HttpMethod.Get, "/api/auth/sessions", session.AccessToken, refreshCookie: session.RefreshToken);
        return (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
    }
}
