using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class UsersTests(AuthHost host)
{
    [Fact]
    public async Task List_Admin_PagedItemsWithTotal()
    {
        for (var i = 0; i < 3; i++)
        {
            await host.RegisterAsync();
        }

        var admin = await host.LoginAdminAsync();
        using var first = await host.SendAsync(HttpMethod.Get, "/api/auth/users?page=1&pageSize=2", admin.AccessToken);
        using var second = await host.SendAsync(HttpMethod.Get, "/api/auth/users?page=2&pageSize=2", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var a = await Problem.JsonAsync(first);
        var b = await Problem.JsonAsync(second);
        Assert.True(a.GetProperty("total").GetInt64() >= 5);
        Assert.Equal(1, a.GetProperty("page").GetInt32());
        Assert.Equal(2, a.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, a.GetProperty("items").GetArrayLength());
        var item = a.GetProperty("items")[0];
        foreach (var field in new[] { "id", "email", "displayName", "role", "createdAt" })
        {
            Assert.True(item.TryGetProperty(field, out _), field);
        }

        Assert.False(item.TryGetProperty("passwordHash", out _));
        var ids = a.GetProperty("items").EnumerateArray().Concat(b.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task List_Defaults_FirstPageOfTwenty()
    {
        var admin = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/users", admin.AccessToken);

        var body = await Problem.JsonAsync(response);
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(20, body.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=1%27%20OR%201=1", "page")]
    [InlineData("page=99999999999999", "page")]
    public async Task List_BadPaging_BadRequestNamingParameter(string query, string field)
    {
        var admin = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/users?" + query, admin.AccessToken);

        await Problem.AssertAsync(response, 400, "bad-request", field);
    }

    [Fact]
    public async Task List_NormalUser_Forbidden()
    {
        var session = await host.LoginAsync(await host.RegisterAsync());
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/users", session.AccessToken);

        await Problem.AssertAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task List_Anonymous_Unauthorized()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/users");

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task SetRole_AdminPromotesUser_RoleChangedAndNextLoginCarriesIt()
    {
        var user = await host.RegisterAsync();
        var admin = await host.LoginAdminAsync();

        using var response = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/role", admin.AccessToken, new { role = "admin" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Problem.JsonAsync(response);
        Assert.Equal("admin", body.GetProperty("role").GetString());
        Assert.Equal(user.Email, body.GetProperty("email").GetString());
        var session = await host.LoginAsync(user);
        Assert.Equal("admin", new JsonWebToken(session.AccessToken).GetClaim("role").Value);
    }

    [Fact]
    public async Task SetRole_RoleChanged_EndsTheSessionsAndTheNextLoginCarriesTheNewRole()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);
        var admin = await host.LoginAdminAsync();
        using var change = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/role", admin.AccessToken, new { role = "admin" });

        using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);

        await Problem.AssertAsync(refresh, 401, "unauthorized");
        var again = await host.LoginAsync(user);
        Assert.Equal("admin", new JsonWebToken(again.AccessToken).GetClaim("role").Value);
    }

    [Fact]
    public async Task SetRole_SameRole_SessionsKeepRefreshing()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);
        var admin = await host.LoginAdminAsync();
        using var change = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/role", admin.AccessToken, new { role = "user" });

        using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, refresh.StatusCode);
    }

    [Fact]
    public async Task SetRole_UnknownUser_NotFound()
    {
        var admin = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{Guid.NewGuid()}/role", admin.AccessToken, new { role = "user" });

        await Problem.AssertAsync(response, 404, "not-found");
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("ADMIN")]
    [InlineData("")]
    [InlineData(null)]
    public async Task SetRole_BadRole_UnprocessableNamingRole(string? role)
    {
        var user = await host.RegisterAsync();
        var admin = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/role", admin.AccessToken, new { role });

        await Problem.AssertAsync(response, 422, "validation", "role");
    }

    [Fact]
    public async Task SetRole_NormalUser_ForbiddenAndUnchanged()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);

        using var response = await host.SendAsync(HttpMethod.Put, $"/api/auth/users/{user.Id}/role", session.AccessToken, new { role = "admin" });

        await Problem.AssertAsync(response, 403, "forbidden");
        using var me = await host.SendAsync(HttpMethod.Get, "/api/auth/me", session.AccessToken);
        Assert.Equal("user", (await me.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task SetRole_NotAGuid_NotFound()
    {
        var admin = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Put, "/api/auth/users/1%27%20OR%201=1/role", admin.AccessToken, new { role = "admin" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_ByEmail_FindsOnlyMatchingAccounts_InAnyCase_Paged()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var matching = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            matching.Add((await host.RegisterAsync($"shop{i}-{tag}@example.com")).Id);
        }

        await host.RegisterAsync($"other-{Guid.NewGuid():N}@example.com");
        var admin = await host.LoginAdminAsync();

        using var first = await host.SendAsync(HttpMethod.Get, $"/api/auth/users?email={tag.ToUpperInvariant()}&pageSize=2", admin.AccessToken);
        using var second = await host.SendAsync(HttpMethod.Get, $"/api/auth/users?email={tag}&pageSize=2&page=2", admin.AccessToken);

        var a = await Problem.JsonAsync(first);
        var b = await Problem.JsonAsync(second);
        Assert.Equal(3, a.GetProperty("total").GetInt64());
        var found = a.GetProperty("items").EnumerateArray().Concat(b.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(matching.Order(), found.Order());
    }

    [Fact]
    public async Task List_ByEmail_WildcardsMatchThemselves()
    {
        var admin = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/users?email=%25", admin.AccessToken);

        Assert.Equal(0, (await Problem.JsonAsync(response)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task List_ByEmail_TooLong_BadRequestNamingIt()
    {
        var admin = await host.LoginAdminAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "/api/auth/users?email=" + new string('a', 255), admin.AccessToken);

        await Problem.AssertAsync(response, 400, "bad-request", "email");
    }
}
