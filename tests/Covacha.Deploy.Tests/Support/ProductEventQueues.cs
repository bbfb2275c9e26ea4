using Covacha.Shared.Events;
using Covacha.Shared.Messaging;
using RabbitMQ.Client;

namespace Covacha.Deploy.Tests.Support;

/// <summary>Search's queue and its parking queue in one virtual host, as the tests see them.</summary>
public static class ProductEventQueues
{
    /// <summary>Declares the topology (as the relay and the consumer do) and empties both queues.</summary>
    public static async Task ResetAsync(string rabbitMqUri)
    {
        await using var connection = await Connect(rabbitMqUri);
        await using var channel = await connection.CreateChannelAsync();
        await ProductEventsTopology.DeclareAsync(channel, CancellationToken.None);
        await channel.QueuePurgeAsync(ProductEvents.SearchQueue);
        await channel.QueuePurgeAsync(ProductEvents.SearchParkingQueue);
    }

    /// <summary>Messages ready in Search's queue (not delivered, or returned) and in its parking queue.</summary>
    public static async Task<(uint Ready, uint Parked)> CountAsync(string rabbitMqUri)
    {
        await using var connection = await Connect(rabbitMqUri);
        await using var channel = await connection.CreateChannelAsync();
        var ready = await channel.QueueDeclarePassiveAsync(ProductEvents.SearchQueue);
        var parked = await channel.QueueDeclarePassiveAsync(ProductEvents.SearchParkingQueue);
        return (ready.MessageCount, parked.MessageCount);
    }

    private static Task<IConnection> Connect(string rabbitMqUri) =>
        new ConnectionFactory { Uri = new Uri(rabbitMqUri), ClientProvidedName = "covacha-deploy-tests" }.CreateConnectionAsync();
}
