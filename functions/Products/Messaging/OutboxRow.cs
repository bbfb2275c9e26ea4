using Npgsql;

namespace Covacha.Products.Messaging;

/// <summary>One unsent event as the relay claimed it: what to publish and how often it failed so far.</summary>
public sealed record OutboxRow(
    long Id, Guid EventId, Guid ProductId, string RoutingKey, byte[] Payload, string? Traceparent, int Attempts)
{
    /// <summary>Column order: <c>id, event_id, product_id, routing_key, payload, traceparent, attempts</c>.</summary>
    internal static OutboxRow Read(NpgsqlDataReader r) => new(
        // The row is already buffered by ReadAsync (no sequential access), so these reads do not block.
        r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetFieldValue<byte[]>(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6));
}
