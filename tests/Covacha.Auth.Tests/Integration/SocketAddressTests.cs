using System.Net;

namespace Covacha.Auth.Tests.Integration;

/// <summary>With no address header configured (the dev host's default), a client-sent X-Forwarded-For is ignored.</summary>
public sealed class SocketAddressTests(SocketAddressHost host) : IClassFixture<SocketAddressHost>
{
    [Fact]
    public async Task Token_ThirtyFailuresEachWithAnotherForwardedFor_ThrottledAsOneAddress()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var request = AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                new { email = $"spoof-{i}-{Guid.NewGuid():N}@example.com", password = "guessing password" });
            request.Headers.Remove(AuthHost.AddressHeader);
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await host.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
