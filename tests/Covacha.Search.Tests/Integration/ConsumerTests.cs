using Covacha.Search.Tests.Infrastructure;
using Covacha.Shared.Events;

namespace Covacha.Search.Tests.Integration;

/// <summary>Duplicates, reordering, tombstones and poison messages, through the real broker.</summary>
[Collection(SearchHostCollection.Name)]
public sealed class ConsumerTests(SearchHost host)
{
    /// <summary>Publishes a marker product and waits for it: everything published before it was handled.</summary>
    private async Task DrainAsync()
    {
        var word = TestProducts.UniqueWord();
        await host.Publisher.PublishAsync(TestProducts.Created(TestProducts.Snapshot(name: "Sentinel " + word)));
        await host.WaitForSearchAsync($"q={word}", r => r.Total == 1, "the sentinel");
    }

    [Fact]
    public async Task Consume_SameEventTwice_IndexedOnce()
    {
        var word = TestProducts.UniqueWord();
        var created = TestProducts.Created(TestProducts.Snapshot(name: "Twice " + word));
        await host.Publisher.PublishAsync(created);
        await host.Publisher.PublishAsync(created);
        await DrainAsync();

        var result = await host.SearchAsync($"q={word}");
        Assert.Equal(1, result.Total);
        Assert.Single(result.Items);
    }

    [Fact]
    public async Task Consume_V2BeforeV1_KeepsV2()
    {
        var word = TestProducts.UniqueWord();
        var id = Guid.NewGuid();
        await host.Publisher.PublishAsync(TestProducts.Created(TestProducts.Snapshot(id, $"Newer {word}", version: 2)));
        await host.Publisher.PublishAsync(TestProducts.Created(TestProducts.Snapshot(id, $"Older {word}", version: 1)));
        await DrainAsync();

        var item = Assert.Single((await host.SearchAsync($"q={word}")).Items);
        Assert.Equal($"Newer {word}", item.Name);
    }

    [Fact]
    public async Task Consume_LateUpdateAfterDelete_StaysDeleted()
    {
        var word = TestProducts.UniqueWord();
        var id = Guid.NewGuid();
        await host.Publisher.PublishAsync(TestProducts.Created(TestProducts.Snapshot(id, $"Doomed {word}", version: 1)));
        await host.WaitForSearchAsync($"q={word}", r => r.Total == 1, "the product before its deletion");

        await host.Publisher.PublishAsync(TestProducts.Deleted(id, 3));
        await host.Publisher.PublishAsync(TestProducts.Created(TestProducts.Snapshot(id, $"Doomed {word} late", version: 2)));
        await DrainAsync();

        Assert.Equal(0, (await host.SearchAsync($"q={word}")).Total);
    }

    [Fact]
    public async Task Consume_PoisonMessages_ParkedWithoutBlockingGoodOnesBehind()
    {
        var word = TestProducts.UniqueWord();
        var malformed = "poison-json-" + Guid.NewGuid();
        var noSnapshot = "poison-schema-" + Guid.NewGuid();
        var unknownType = "poison-type-" + Guid.NewGuid();
        await host.Publisher.PublishRawAsync(ProductEvents.Created, "{ this is not json", malformed);
        await host.Publisher.PublishRawAsync(ProductEvents.Created,
            $$"""{"eventId":"{{Guid.NewGuid()}}","type":"product.created","productId":"{{Guid.NewGuid()}}","version":1,"occurredAt":"2026-01-01T00:00:00Z","product":null}""",
            noSnapshot);
        await host.Publisher.PublishRawAsync("product.renamed",
            $$"""{"eventId":"{{Guid.NewGuid()}}","type":"product.renamed","productId":"{{Guid.NewGuid()}}","version":1,"occurredAt":"2026-01-01T00:00:00Z"}""",
            unknownType);
        await host.Publisher.PublishManyAsync(Enumerable.Range(0, 100)
            .Select(i => TestProducts.Created(TestProducts.Snapshot(name: $"Good {i} {word}"))));

        await host.WaitForSearchAsync($"q={word}&pageSize=1", r => r.Total == 100, "all 100 good products", seconds: 30);
        var found = new HashSet<string>();
        await Testing.Eventually.WaitAsync(() => host.Publisher.ParkedContainsAsync(new HashSet<string> { malformed, noSnapshot, unknownType }, found),
            done => done, TimeSpan.FromSeconds(10), "the three poison messages in the parking queue");
    }
}
