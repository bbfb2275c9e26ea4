using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using Covacha.Testing;

namespace Covacha.Search.Tests.Integration;

[Collection(SearchHostCollection.Name)]
public sealed class ReindexTests(SearchHost host)
{
    [Fact]
    public async Task Reindex_DuringSearches_RebuildsFromExportWhileSearchesKeepAnswering()
    {
        var word = TestProducts.UniqueWord();
        var gone = TestProducts.Snapshot(name: $"Gone {word}");
        var stays = TestProducts.Snapshot(name: $"Stays {word}");
        await host.Publisher.PublishManyAsync([TestProducts.Created(gone), TestProducts.Created(stays)]);
        await host.WaitForSearchAsync($"q={word}", r => r.Total == 2, "the products indexed from events");

        // Products' truth: one of them was deleted (an event Search missed), 900 were never seen.
        lock (host.Upstream.Export)
        {
            host.Upstream.Export.Clear();
            host.Upstream.Export.Add((stays, false));
            host.Upstream.Export.Add((gone with { Version = 2 }, true));
            host.Upstream.Export.AddRange(Enumerable.Range(0, 900)
                .Select(i => (TestProducts.Snapshot(name: $"Exported {i} {word}", category: i % 2 == 0 ? "books" : "home"), false)));
        }

        using var searching = new CancellationTokenSource();
        var searches = Task.Run(async () =>
        {
            var answered = 0;
            while (!searching.IsCancellationRequested)
            {
                var result = await host.SearchAsync($"q=stays+{word}");
                Assert.Equal(1, result.Total);
                answered++;
            }

            return answered;
        });

        using var start = Authorized(HttpMethod.Post);
        using var started = await host.Client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var first = await started.Content.ReadFromJsonAsync(SearchJsonContext.Default.ReindexStatus);
        Assert.Equal(ReindexStatus.Running, first!.State);

        var done = await Eventually.WaitAsync(async () =>
        {
            using var request = Authorized(HttpMethod.Get);
            using var response = await host.Client.SendAsync(request);
            return (await response.Content.ReadFromJsonAsync(SearchJsonContext.Default.ReindexStatus))!;
        }, s => s.State != ReindexStatus.Running, TimeSpan.FromSeconds(60), "the reindex to finish");

        await searching.CancelAsync();
        Assert.True(await searches > 0);
        Assert.Equal(ReindexStatus.Completed, done.State);
        Assert.Equal(902, done.Processed);
        Assert.NotNull(done.FinishedAt);
        Assert.Equal(0, host.Upstream.RejectedExportRequests);

        var after = await host.SearchAsync($"q={word}&pageSize=1");
        Assert.Equal(901, after.Total);
        Assert.Equal(0, (await host.SearchAsync($"q=gone+{word}")).Total);
        Assert.Equal(450, after.Facets.Category["books"]);
    }

    private HttpRequestMessage Authorized(HttpMethod method)
    {
        var request = new HttpRequestMessage(method, new Uri("/api/search/reindex", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken());
        return request;
    }
}
