using System.Net;

namespace Covacha.Auth.Tests.Integration;

/// <summary>An admin suspends and reactivates accounts; a suspended account cannot log in or refresh.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class SuspensionTests(AuthHost host)
{
    [Fact]
    public async Task Suspend_EndsSessionsAtOnce_AndRefusesLoginAndRefreshWithAClearProblem()
    {
        var user = await host.RegisterAsync();
        var first = await host.LoginAsync(user);
        var second = await host.LoginAsync(user);
        var admin = await host.LoginAdminAsync();

        using var suspend = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/suspension", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        var body = await Problem.JsonAsync(suspend);
        Assert.Equal(user.Id, body.GetProperty("id").GetGuid());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, body.GetProperty("suspendedAt").ValueKind);
        foreach (var session in new[] { first, second })
        {
            using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);
            var problem = await Problem.AssertAsync(refresh, 403, "account-suspended");
            Assert.Contains("suspended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var login = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token", new { email = user.Email, password = user.Password }));
        await Problem.AssertAsync(login, 403, "account-suspended");
        Assert.Null(AuthHost.RefreshSetCookie(login));

        // A wrong password still answers like any wrong password: suspension is told only to the owner.
        using var guess = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token", new { email = user.Email, password = "not-the-password" }));
        await Problem.AssertAsync(guess, 401, "unauthorized");
    }

    [Fact]
    public async Task Reactivate_LetsTheUserLogInAgain_ButOldSessionsStayEnded()
    {
        var user = await host.RegisterAsync();
        var before = await host.LoginAsync(user);
        var admin = await host.LoginAdminAsync();
        (await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/suspension", admin.AccessToken)).Dispose();

        using var reactivate = await host.SendAsync(HttpMethod.Delete, $"/api/auth/users/{user.Id}/suspension", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Problem.JsonAsync(reactivate)).GetProperty("suspendedAt").ValueKind);
        var after = await host.LoginAsync(user);
        using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: after.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        using var old = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: before.RefreshToken);
        await Problem.AssertAsync(old, 401, "unauthorized");
    }

    [Fact]
    public async Task Suspend_Twice_KeepsTheFirstSuspension()
    {
        var user = await host.RegisterAsync();
        var admin = await host.LoginAdminAsync();
        using var first = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/suspension", admin.AccessToken);
        using var again = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/suspension", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await Problem.JsonAsync(first)).GetProperty("suspendedAt").GetDateTimeOffset(),
            (await Problem.JsonAsync(again)).GetProperty("suspendedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Suspend_TheRefreshRacingTheSuspension_NeverOutlivesIt()
    {
        // Refreshes in flight while the suspension commits: whichever order they take, no
        // refresh token works afterwards.
        var user = await host.RegisterAsync();
        var sessions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.LoginAsync(user)));
        var admin = await host.LoginAdminAsync();

        var refreshes = sessions.Select(async s =>
        {
            using var r = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: s.RefreshToken);
            return AuthHost.RefreshCookieOf(r);
        }).ToList();
        using var suspend = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/suspension", admin.AccessToken);
        var successors = (await Task.WhenAll(refreshes)).Where(c => c is { Length: > 0 }).ToList();

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        foreach (var cookie in successors.Concat(sessions.Select(s => s.RefreshToken)))
        {
            using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: cookie);
            Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        }
    }

    [Fact]
    public async Task Suspend_OwnAccount_Forbidden()
    {
        var admin = await host.LoginAdminAsync();
        using var me = await host.SendAsync(HttpMethod.Get, "/api/auth/me", admin.AccessToken);
        var id = (await Problem.JsonAsync(me)).GetProperty("id").GetGuid();

        using var response = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{id}/suspension", admin.AccessToken);

        await Problem.AssertAsync(response, 403, "forbidden");
        await host.LoginAdminAsync();
    }

    [Fact]
    public async Task Suspend_ByANormalUser_Forbidden_AndUnknownUser_NotFound()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(await host.RegisterAsync());
        var admin = await host.LoginAdminAsync();

        using var byUser = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/suspension", session.AccessToken);
        using var unknown = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{Guid.NewGuid()}/suspension", admin.AccessToken);
        using var unknownReactivate = await host.SendAsync(HttpMethod.Delete, $"/api/auth/users/{Guid.NewGuid()}/suspension", admin.AccessToken);

        await Problem.AssertAsync(byUser, 403, "forbidden");
        await Problem.AssertAsync(unknown, 404, "not-found");
        await Problem.AssertAsync(unknownReactivate, 404, "not-found");
        await host.LoginAsync(user);
    }
}
