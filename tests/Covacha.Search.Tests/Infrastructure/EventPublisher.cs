using System.Text;
using System.Text.Json;
using Covacha.Shared.Events;
using RabbitMQ.Client;

namespace Covacha.Search.Tests.Infrastructure;

/// <summary>
/// Publishes product events to <c>covacha.products</c> as Products would (persistent, confirmed),
/// straight to the broker (not through the consumer's proxy), and reads the parking queue.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EventPublisher> CreateAsync(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "search-tests-publisher" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(ProductEvents.Exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        return new EventPublisher(connection, channel);
    }

    public Task PublishAsync(ProductEvent evt) =>
        PublishRawAsync(evt.Type, JsonSerializer.SerializeToUtf8Bytes(evt, EventJsonContext.Default.ProductEvent), evt.EventId.ToString());

    /// <summary>Several events at once, confirmed together (order between them not guaranteed).</summary>
    public Task PublishManyAsync(IEnumerable<ProductEvent> events) => Task.WhenAll(events.Select(PublishAsync));

    public async Task PublishRawAsync(string routingKey, byte[] body, string messageId)
    {
        var properties = new BasicProperties { Persistent = true, MessageId = messageId, ContentType = "application/json" };
        await _channel.BasicPublishAsync(ProductEvents.Exchange, routingKey, mandatory: false, properties, body);
    }

    public Task PublishRawAsync(string routingKey, string body, string messageId) =>
        PublishRawAsync(routingKey, Encoding.UTF8.GetBytes(body), messageId);

    /// <summary>Drains the parking queue looking for a message id (other parked messages are dropped: test vhost).</summary>
    public async Task<bool> ParkedContainsAsync(IReadOnlySet<string> wanted, HashSet<string> found)
    {
        await using var channel = await _connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(ProductEvents.SearchParkingQueue, autoAck: true) is { } message)
        {
            if (message.BasicProperties.MessageId is { } id && wanted.Contains(id))
            {
                found.Add(id);
            }
        }

        return found.IsSupersetOf(wanted);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
