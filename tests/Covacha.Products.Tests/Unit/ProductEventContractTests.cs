using System.Text.Json;
using System.Text.Json.Nodes;
using Covacha.Products.Data;
using Covacha.Products.Model;
using Covacha.Shared.Events;

namespace Covacha.Products.Tests.Unit;

/// <summary>
/// The event and export contracts against the samples checked in beside them
/// (functions/Shared/Events/Samples): a renamed, removed, added or retyped field fails here, so the
/// contract changes only on purpose, and never because the API's product or the row changed.
/// </summary>
public sealed class ProductEventContractTests
{
    private static readonly ProductRow s_row = new(
        Guid.Parse("0193a1b2-0000-7000-8000-00000000c0de"), Guid.Parse("5f0c2a8e-1b3d-4c6e-9f7a-2b4d6e8f0a1c"),
        "Lámpara de escritorio", "Luz cálida, regulable.", 12_000_000L, "COP", "home", "https://images.example.com/lampara.jpg", 7,
        DateTimeOffset.Parse("2026-01-01T00:00:00+00:00"), DateTimeOffset.Parse("2026-01-02T03:04:05.123456+00:00"), 2);

    [Fact]
    public void UpdatedEvent_Serialized_MatchesTheSampleFieldByField()
    {
        var evt = new ProductEvent(Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"), ProductEvents.Updated, s_row.Id, 2,
            s_row.UpdatedAt, s_row.ToSnapshot());

        AssertSameShape(Sample("product-updated.v1.json"), JsonSerializer.SerializeToNode(evt, EventJsonContext.Default.ProductEvent));
    }

    [Fact]
    public void DeletedEvent_Serialized_MatchesTheSampleFieldByField()
    {
        var evt = new ProductEvent(Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c"), ProductEvents.Deleted, s_row.Id, 3,
            DateTimeOffset.Parse("2026-01-03T00:00:00+00:00"), null);

        AssertSameShape(Sample("product-deleted.v1.json"), JsonSerializer.SerializeToNode(evt, EventJsonContext.Default.ProductEvent));
    }

    [Fact]
    public void UpdatedSample_Deserialized_GivesTheSameEvent()
    {
        var evt = JsonSerializer.Deserialize(Sample("product-updated.v1.json")!.ToJsonString(), EventJsonContext.Default.ProductEvent)!;

        Assert.Equal(s_row.ToSnapshot(), evt.Product);
        Assert.Equal(ProductEvent.CurrentSchemaVersion, evt.SchemaVersion);
    }

    [Fact]
    public void EventWithoutSchemaVersion_Deserialized_IsVersionOne()
    {
        var old = Sample("product-deleted.v1.json")!.AsObject();
        old.Remove("schemaVersion");

        Assert.Equal(1, JsonSerializer.Deserialize(old.ToJsonString(), EventJsonContext.Default.ProductEvent)!.SchemaVersion);
    }

    [Fact]
    public void ExportPage_AsProductsWritesIt_MatchesTheSampleFieldByField()
    {
        var tombstone = s_row with
        {
            ImageUrl = null, Stock = 0, UpdatedAt = DateTimeOffset.Parse("2026-01-03T00:00:00+00:00"), Version = 3, Deleted = true,
        };
        var page = new ExportPage([tombstone.ToExportItem()], null, null);

        AssertSameShape(Sample("export-page.json"), JsonSerializer.SerializeToNode(page, ProductsJsonContext.Default.ExportPage));
    }

    private static JsonNode? Sample(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name)));

    /// <summary>Same members (no more, no fewer), same JSON kinds, same values as written, at every level.</summary>
    private static void AssertSameShape(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        Assert.True(Kind(expected) == Kind(actual), $"{path}: the sample has {Kind(expected)}, the contract writes {Kind(actual)}");
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = actual!.AsObject();
                var missing = expectedObject.Select(p => p.Key).Except(actualObject.Select(p => p.Key)).ToList();
                var added = actualObject.Select(p => p.Key).Except(expectedObject.Select(p => p.Key)).ToList();
                Assert.True(missing.Count == 0 && added.Count == 0,
                    $"{path}: members missing from the contract [{string.Join(", ", missing)}], not in the sample [{string.Join(", ", added)}]");
                foreach (var (name, value) in expectedObject)
                {
                    AssertSameShape(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = actual!.AsArray();
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSameShape(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            case JsonValue:
                Assert.True(expected.ToJsonString() == actual!.ToJsonString(),
                    $"{path}: the sample has {expected.ToJsonString()}, the contract writes {actual.ToJsonString()}");
                break;
        }
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;
}
