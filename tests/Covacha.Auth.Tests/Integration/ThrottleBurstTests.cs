using System.Collections.Concurrent;
using System.Net;
using Covacha.Auth.Data;
using Covacha.Auth.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Covacha.Auth.Tests.Integration;

/// <summary>The login limits hold against parallel bursts, on one replica or several, and against forged headers.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class ThrottleBurstTests(AuthHost host)
{
    [Fact]
    public async Task Token_SixtyWrongPasswordsThirtyAtATime_AtMostFiveVerified()
    {
        var user = await host.RegisterAsync();

        var statuses = await BurstAsync(60, 30, async i =>
        {
            using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                new { email = user.Email, password = "wrong password " + i }));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
            }

            return response.StatusCode;
        });

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 1, 5);
        Assert.Equal(60 - statuses.Count(s => s == HttpStatusCode.Unauthorized), statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Token_BurstSplitOverTwoReplicas_AtMostFiveVerified()
    {
        // A second Auth "replica": its own service provider, data source and hashing gates on the same database.
        await using var replica = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddAuth(host.Services.GetRequiredService<IConfiguration>())
            .BuildServiceProvider();
        var other = replica.GetRequiredService<AccountService>();
        var user = await host.RegisterAsync();

        var outcomes = await BurstAsync(40, 20, async i =>
        {
            if (i % 2 == 0)
            {
                using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                    new { email = user.Email, password = "wrong password " + i }));
                return response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => LoginOutcome.InvalidCredentials,
                    HttpStatusCode.TooManyRequests => LoginOutcome.Throttled,
                    _ => LoginOutcome.Unavailable,
                };
            }

            return (await other.LoginAsync(user.Email, "wrong password " + i, AuthHost.NewAddress(), CancellationToken.None)).Outcome;
        });

        Assert.InRange(outcomes.Count(o => o == LoginOutcome.InvalidCredentials), 1, 5);
        Assert.Equal(40 - outcomes.Count(o => o == LoginOutcome.InvalidCredentials), outcomes.Count(o => o == LoginOutcome.Throttled));
    }

    [Fact]
    public async Task Token_ThirtyFailuresEachWithAnotherForwardedFor_ThrottledAsTheOneGatewayAddress()
    {
        var address = AuthHost.NewAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var request = AuthHost.Json(HttpMethod.Post, "/api/auth/token",
                new { email = $"spoof-{i}-{Guid.NewGuid():N}@example.com", password = "guessing password" }, address);
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await host.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task AttemptAsync_ParallelAttemptsThroughTwoDataSources_ExactlyTheLimitGoAhead()
    {
        await using var first = NpgsqlDataSource.Create(host.AuthDatabase);
        await using var second = NpgsqlDataSource.Create(host.AuthDatabase);
        var throttles = new[] { new AttemptThrottle(first), new AttemptThrottle(second) };
        var key = $"account:race-{Guid.NewGuid():N}@example.com";
        var shared = AttemptThrottle.AddressKey(AuthHost.NewAddress());

        var waits = await BurstAsync(50, 50, i => throttles[i % 2].AttemptAsync(
            [new ThrottleLimit(key, 7, TimeSpan.FromMinutes(5)), new ThrottleLimit(shared, 1000, TimeSpan.FromMinutes(5))],
            CancellationToken.None));

        Assert.Equal(7, waits.Count(w => w is null));
        Assert.All(waits.Where(w => w is not null), w => Assert.InRange(w!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)));
    }

    /// <summary>Runs <paramref name="count"/> calls with at most <paramref name="parallel"/> in flight.</summary>
    internal static async Task<List<T>> BurstAsync<T>(int count, int parallel, Func<int, Task<T>> call)
    {
        var results = new ConcurrentBag<T>();
        using var slots = new SemaphoreSlim(parallel);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                results.Add(await call(i));
            }
            finally
            {
                slots.Release();
            }
        }));
        return [.. results];
    }
}
