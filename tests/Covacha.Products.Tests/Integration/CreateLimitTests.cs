using System.Collections.Concurrent;
using System.Net;
using Covacha.Products.Model;
using Covacha.Products.Tests.Infrastructure;

namespace Covacha.Products.Tests.Integration;

/// <summary>Creates per user are limited, and a parallel burst cannot slip past the limit.</summary>
[Collection(ProductsCollection.Name)]
public sealed class CreateLimitTests(ProductsHost host)
{
    [Fact]
    public async Task Create_BurstFromOneUser_AtMostTheLimitCreatedRestTooManyRequests()
    {
        var limit = new ProductsOptions().CreatesPerUser;
        var token = host.UserToken();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var slots = new SemaphoreSlim(20);

        await Task.WhenAll(Enumerable.Range(0, limit + 20).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                using var response = await host.SendAsync(HttpMethod.Post, "/api/products", token, ProductBody.Valid($"Ráfaga {i}").ToJsonString());
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
                }

                statuses.Add(response.StatusCode);
            }
            finally
            {
                slots.Release();
            }
        }));

        Assert.Equal(limit, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        // Another user is not affected.
        await host.CreateAsync(host.UserToken());
    }
}
