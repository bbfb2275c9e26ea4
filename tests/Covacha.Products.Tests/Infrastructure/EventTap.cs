using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Covacha.Shared.Events;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Covacha.Products.Tests.Infrastructure;

/// <summary>One product event as it arrived at a queue bound to <c>covacha.products</c>.</summary>
public sealed record TappedEvent(string? MessageId, string RoutingKey, bool Persistent, string? Traceparent, ProductEvent Event);

/// <summary>
/// A private queue bound to every product routing key, connected straight to the broker (not
/// through the test's proxy), recording what the relay published.
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly ConcurrentQueue<TappedEvent> _received = new();
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    public IReadOnlyList<TappedEvent> All => _received.ToArray();

    public IReadOnlyList<TappedEvent> For(Guid productId) => _received.Where(e => e.Event.ProductId == productId).ToList();

    public static async Task<EventTap> StartAsync(string uri, string bindingKey = ProductEvents.BindingPattern)
    {
        var tap = new EventTap();
        var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "products-tests-tap" };
        tap._connection = await factory.CreateConnectionAsync();
        tap._channel = await tap._connection.CreateChannelAsync();
        await tap._channel.ExchangeDeclareAsync(ProductEvents.Exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await tap._channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await tap._channel.QueueBindAsync(queue.QueueName, ProductEvents.Exchange, bindingKey);
        var consumer = new AsyncEventingBasicConsumer(tap._channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var @event = JsonSerializer.Deserialize(delivery.Body.Span, EventJsonContext.Default.ProductEvent)!;
            var traceparent = delivery.BasicProperties.Headers?.TryGetValue("traceparent", out var raw) == true && raw is byte[] bytes
                ? Encoding.UTF8.GetString(bytes)
                : null;
            tap._received.Enqueue(new TappedEvent(delivery.BasicProperties.MessageId, delivery.RoutingKey,
                delivery.BasicProperties.Persistent, traceparent, @event));
            return Task.CompletedTask;
        };
        await tap._channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
