using Covacha.Shared.Events;
using RabbitMQ.Client;

namespace Covacha.Shared.Messaging;

/// <summary>
/// Everything product events travel through: the exchange, Search's quorum queue and its parking
/// queue, and their bindings. Declared (idempotently, with identical arguments) by the publisher,
/// Products' outbox relay, as well as by Search's consumer: so the queue exists, and KEDA's
/// RabbitMQ scaler can read its length, before the indexer has ever run, and events published
/// while it is at zero replicas wait in it instead of being unroutable.
/// </summary>
public static class ProductEventsTopology
{
    /// <summary>
    /// Deliveries of one message (consumers crashing on it, or returning it) after which the
    /// broker parks it. Part of the queue's declaration, so one value for every declarer.
    /// </summary>
    public const int SearchDeliveryLimit = 5;

    public static async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(ProductEvents.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(ProductEvents.SearchDeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(ProductEvents.SearchParkingQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(ProductEvents.SearchParkingQueue, ProductEvents.SearchDeadLetterExchange, "", cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(ProductEvents.SearchQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = SearchDeliveryLimit,
                ["x-dead-letter-exchange"] = ProductEvents.SearchDeadLetterExchange,
                ["x-dead-letter-strategy"] = "at-least-once",
                ["x-overflow"] = "reject-publish",
            }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(ProductEvents.SearchQueue, ProductEvents.Exchange, ProductEvents.BindingPattern, cancellationToken: cancellationToken);
    }
}
