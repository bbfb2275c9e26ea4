using System.Text;
using System.Text.Json;
using Covacha.Search.Messaging;
using Covacha.Search.Tests.Infrastructure;
using Covacha.Shared.Events;

namespace Covacha.Search.Tests.Unit;

public sealed class EventParserTests
{
    private static byte[] Json(ProductEvent evt) => JsonSerializer.SerializeToUtf8Bytes(evt, EventJsonContext.Default.ProductEvent);

    [Theory]
    [InlineData("product-updated.v1.json", ProductEvents.Updated, false)]
    [InlineData("product-deleted.v1.json", ProductEvents.Deleted, true)]
    public void Parse_ContractSample_GivesChange(string sample, string routingKey, bool isDelete)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", sample));

        var (change, problem) = EventParser.Parse(body, routingKey);

        Assert.Null(problem);
        Assert.Equal(isDelete, change!.IsDelete);
    }

    [Fact]
    public void Parse_NewerSchemaVersion_IsRefused()
    {
        var evt = TestProducts.Created(TestProducts.Snapshot(version: 1)) with { SchemaVersion = ProductEvent.CurrentSchemaVersion + 1 };

        var (change, problem) = EventParser.Parse(Json(evt), ProductEvents.Created);

        Assert.Null(change);
        Assert.Contains("schema version", problem);
    }

    [Fact]
    public void Parse_ValidCreate_GivesChange()
    {
        var snapshot = TestProducts.Snapshot(version: 1);
        var (change, problem) = EventParser.Parse(Json(TestProducts.Created(snapshot)), ProductEvents.Created);

        Assert.Null(problem);
        Assert.Equal((snapshot.Id, 1L, false), (change!.ProductId, change.Version, change.IsDelete));
    }

    [Fact]
    public void Parse_Delete_GivesTombstoneChange()
    {
        var id = Guid.NewGuid();
        var (change, _) = EventParser.Parse(Json(TestProducts.Deleted(id, 4)), ProductEvents.Deleted);

        Assert.True(change!.IsDelete);
        Assert.Equal(4, change.Version);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"eventId":"00000000-0000-0000-0000-000000000001","type":"product.created","productId":"00000000-0000-0000-0000-000000000002","version":1,"occurredAt":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"eventId":"00000000-0000-0000-0000-000000000001","type":"product.exploded","productId":"00000000-0000-0000-0000-000000000002","version":1,"occurredAt":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"eventId":"00000000-0000-0000-0000-000000000001","type":"product.deleted","productId":"00000000-0000-0000-0000-000000000002","version":0,"occurredAt":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"eventId":"00000000-0000-0000-0000-000000000001","type":"product.deleted","productId":"00000000-0000-0000-0000-000000000002","version":"x","occurredAt":"2026-01-01T00:00:00Z"}""")]
    public void Parse_MalformedOrSchemaViolating_SaysWhy(string body)
    {
        var (change, problem) = EventParser.Parse(Encoding.UTF8.GetBytes(body), null);

        Assert.Null(change);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Parse_SnapshotForAnotherProduct_IsRejected()
    {
        var evt = TestProducts.Created(TestProducts.Snapshot()) with { ProductId = Guid.NewGuid() };

        Assert.NotNull(EventParser.Parse(Json(evt), ProductEvents.Created).Problem);
    }

    [Fact]
    public void Parse_EventFromBeforeMinorUnits_TakesTheAmountFromPrice()
    {
        var snapshot = TestProducts.Snapshot(price: 950_000m, currency: "COP") with { PriceMinor = 0 };

        var (change, problem) = EventParser.Parse(Json(TestProducts.Created(snapshot)), ProductEvents.Created);

        Assert.Null(problem);
        Assert.Equal(95_000_000L, change!.Product!.PriceMinor);
    }

    [Fact]
    public void Parse_PriceAndMinorUnitsDisagree_IsRejected()
    {
        var snapshot = TestProducts.Snapshot(price: 950_000m, currency: "COP") with { PriceMinor = 950_000 };

        Assert.NotNull(EventParser.Parse(Json(TestProducts.Created(snapshot)), ProductEvents.Created).Problem);
    }
}
