using System.Net;

namespace Covacha.Auth.Tests.Integration;

/// <summary>A seller's public profile: the display name anyone may read, and nothing private.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class ProfilesTests(AuthHost host)
{
    [Fact]
    public async Task Get_Anonymous_NameAndJoiningDateOnly()
    {
        var user = await host.RegisterAsync(displayName: "Tienda de Ana");

        using var response = await host.SendAsync(HttpMethod.Get, $"/api/auth/profiles/{user.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Problem.JsonAsync(response);
        Assert.Equal("Tienda de Ana", body.GetProperty("displayName").GetString());
        Assert.Equal(user.Id, body.GetProperty("id").GetGuid());
        Assert.True(body.TryGetProperty("memberSince", out _));
        Assert.False(body.TryGetProperty("email", out _));
        Assert.False(body.TryGetProperty("role", out _));
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Get_AfterARename_ShowsTheNewName()
    {
        var user = await host.RegisterAsync(displayName: "Old Name");
        var session = await host.LoginAsync(user);
        (await host.SendAsync(HttpMethod.Patch, "/api/auth/me", session.AccessToken, new { displayName = "New Name" })).Dispose();

        using var response = await host.SendAsync(HttpMethod.Get, $"/api/auth/profiles/{user.Id}");

        Assert.Equal("New Name", (await Problem.JsonAsync(response)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Get_UnknownOrBadId_NotFound()
    {
        using var unknown = await host.SendAsync(HttpMethod.Get, $"/api/auth/profiles/{Guid.NewGuid()}");
        using var bad = await host.SendAsync(HttpMethod.Get, "/api/auth/profiles/not-a-guid");

        await Problem.AssertAsync(unknown, 404, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }
}
