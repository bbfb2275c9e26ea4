using System.Net;
using System.Net.Http.Json;

namespace Covacha.Auth.Tests.Integration;

/// <summary>Registration floods are refused cheaply (429 + Retry-After) and never take the logins' hashing slots.</summary>
public sealed class RegistrationFloodTests(RegistrationLimitsHost host) : IClassFixture<RegistrationLimitsHost>
{
    private static HttpRequestMessage Register(string address) =>
        AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = $"flood-{Guid.NewGuid():N}@example.com", password = "flood-" + Guid.NewGuid().ToString("N"), displayName = "Flood" },
            address);

    /// <summary>
    /// Every answer is 201, 429 with Retry-After, or (when the registration hashing slot stays
    /// busy, as on a loaded machine) 503 with Retry-After: the flood's cost is bounded either way.
    /// </summary>
    private static void AssertBounded(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable,
            $"unexpected {(int)response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{(int)response.StatusCode} without Retry-After");
        }
    }

    [Fact]
    public async Task Register_FloodFromOneAddress_AtMostTheLimitAcceptedAndLoginsStillServed()
    {
        var address = AuthHost.NewAddress();
        var flood = ThrottleBurstTests.BurstAsync(120, 24, async i =>
        {
            using var request = Register(address);
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{(i % 250) + 1}");
            using var response = await host.Client.SendAsync(request);
            AssertBounded(response);
            return response.StatusCode;
        });

        // Logins keep their own hashing slots while the flood runs.
        var logins = new List<HttpStatusCode>();
        while (!flood.IsCompleted || logins.Count < 3)
        {
            using var login = await host.Client.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                new { email = host.AdminEmail, password = host.AdminPassword }));
            logins.Add(login.StatusCode);
        }

        var statuses = await flood;
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Created), 0, RegistrationLimitsHost.PerAddress);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 120 - RegistrationLimitsHost.PerAddress - statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.All(logins, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Register_ManyAddresses_AtMostTheOverallLimitAccepted()
    {
        var statuses = await ThrottleBurstTests.BurstAsync(50, 10, async _ =>
        {
            using var response = await host.Client.SendAsync(Register(AuthHost.NewAddress()));
            AssertBounded(response);
            return response.StatusCode;
        });

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Created), 1, RegistrationLimitsHost.Overall);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 50 - RegistrationLimitsHost.Overall);
    }
}
