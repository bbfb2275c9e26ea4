using System.Net;
using Covacha.Search.Tests.Infrastructure;

namespace Covacha.Search.Tests.Integration;

[Collection(SearchHostCollection.Name)]
public sealed class BrokerOutageTests(SearchHost host)
{
    [Fact]
    public async Task Consume_BrokerCutMidStream_RecoversAndLosesNothing()
    {
        var word = TestProducts.UniqueWord();
        var events = Enumerable.Range(0, 150).Select(i => TestProducts.Created(TestProducts.Snapshot(name: $"Outage {i} {word}"))).ToList();

        await host.Publisher.PublishManyAsync(events.Take(75));
        host.BrokerProxy.Cut();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await host.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20)));
            await host.Publisher.PublishManyAsync(events.Skip(75));
        }
        finally
        {
            host.BrokerProxy.Restore();
        }

        Assert.Equal(HttpStatusCode.OK, await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30)));
        await host.WaitForSearchAsync($"q={word}&pageSize=1", r => r.Total == 150, "all 150 products after the outage", seconds: 30);
    }
}
