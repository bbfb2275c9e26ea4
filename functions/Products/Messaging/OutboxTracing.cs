using System.Diagnostics;
using Covacha.Shared.Events;
using Covacha.Shared.Messaging;

namespace Covacha.Products.Messaging;

/// <summary>
/// The relay's publish span: a child of the request whose transaction wrote the outbox row (its
/// <c>traceparent</c> is stored with the row), and the parent that Search's consumer continues,
/// so one trace runs from <c>POST /api/products</c> through RabbitMQ into the read model.
/// </summary>
public static class OutboxTracing
{
    public static readonly ActivitySource Activities = new(OutboxMetrics.MeterName);

    public static Activity? StartPublish(Guid eventId, string routingKey, string? storedTraceparent)
    {
        var activity = Activities.StartActivity(
            ProductEvents.Exchange + " publish", ActivityKind.Producer, Traceparent.Parse(storedTraceparent));
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("messaging.destination.name", ProductEvents.Exchange);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", routingKey);
        activity?.SetTag("messaging.message.id", eventId.ToString());
        return activity;
    }
}
