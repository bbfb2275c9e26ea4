using RabbitMQ.Client;

namespace Covacha.Shared.Messaging;

public static class RabbitMqConnections
{
    /// <summary>
    /// A connection factory for an <c>amqp://</c> or <c>amqps://</c> URI (CloudAMQP in production)
    /// with automatic connection and topology recovery and heartbeats.
    /// </summary>
    public static ConnectionFactory CreateFactory(string uri, string clientName) => new()
    {
        Uri = new Uri(uri),
        ClientProvidedName = clientName,
        AutomaticRecoveryEnabled = true,
        TopologyRecoveryEnabled = true,
        NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
        RequestedHeartbeat = TimeSpan.FromSeconds(30),
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
    };
}
