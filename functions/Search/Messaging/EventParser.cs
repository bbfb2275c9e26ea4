using System.Text.Json;
using Covacha.Search.Model;
using Covacha.Shared.Events;
using Covacha.Shared.Money;

namespace Covacha.Search.Messaging;

/// <summary>
/// Turns a message body into a change, or says why it can never be applied (such a message is
/// parked at once: retrying cannot fix it).
/// </summary>
public static class EventParser
{
    public static (ProductChange? Change, string? Problem) Parse(ReadOnlySpan<byte> body, string? routingKey)
    {
        ProductEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize(body, EventJsonContext.Default.ProductEvent);
        }
        catch (JsonException ex)
        {
            return (null, "malformed JSON: " + ex.Message);
        }

        if (evt is null)
        {
            return (null, "empty message");
        }

        if (evt.SchemaVersion > ProductEvent.CurrentSchemaVersion)
        {
            return (null, $"schema version {evt.SchemaVersion} is newer than this consumer's {ProductEvent.CurrentSchemaVersion}");
        }

        if (!ProductEvents.IsKnownType(evt.Type))
        {
            return (null, $"unknown type '{evt.Type}'");
        }

        if (routingKey is not null && routingKey != evt.Type)
        {
            return (null, $"routing key '{routingKey}' differs from type '{evt.Type}'");
        }

        if (evt.EventId == Guid.Empty || evt.ProductId == Guid.Empty || evt.Version <= 0)
        {
            return (null, "eventId, productId and a positive version are required");
        }

        if (evt.Type == ProductEvents.Deleted)
        {
            return (new ProductChange(evt.ProductId, evt.Version, null, evt.OccurredAt), null);
        }

        var p = evt.Product;
        if (p is null)
        {
            return (null, $"{evt.Type} without a product snapshot");
        }

        // Reference members can still be null in JSON; a snapshot missing them is not indexable.
        if (p.Id != evt.ProductId || p.Name is null || p.Description is null ||
            p.Currency is null || p.Category is null || p.Price < 0 || p.Stock < 0)
        {
            return (null, "the product snapshot is incomplete or disagrees with the event");
        }

        return WithMinorUnits(p) is { } priced
            ? (new ProductChange(evt.ProductId, evt.Version, priced, evt.OccurredAt), null)
            : (null, $"price {p.Price} / priceMinor {p.PriceMinor} is not an amount of {p.Currency}");
    }

    /// <summary>
    /// The snapshot with <c>priceMinor</c> set: as sent, or derived from <c>price</c> for events
    /// written before minor units; null when the two disagree or <c>price</c> has more decimals
    /// than the currency.
    /// </summary>
    public static ProductSnapshot? WithMinorUnits(ProductSnapshot p)
    {
        if (Money.ToMinor(p.Price, p.Currency) is not { } fromPrice)
        {
            return null;
        }

        return p.PriceMinor == 0 ? p with { PriceMinor = fromPrice }
            : p.PriceMinor == fromPrice ? p
            : null;
    }
}
