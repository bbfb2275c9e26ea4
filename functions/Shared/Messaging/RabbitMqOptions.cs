using RabbitMQ.Client;

namespace Covacha.Shared.Messaging;

/// <summary>
/// The broker, for every app that talks to it (Products' outbox relay, Search's consumer): its
/// <c>amqp://</c> or <c>amqps://</c> URI comes from <c>ConnectionStrings:RabbitMQ</c> (a Secret in
/// Kubernetes, as KEDA reads the same value), checked when the host starts.
/// </summary>
public sealed class RabbitMqOptions
{
    public const string ConnectionStringName = "RabbitMQ";
    public const string Key = "ConnectionStrings:" + ConnectionStringName;

    public string? Uri { get; set; }

    /// <summary>
    /// A connection factory with heartbeats and a short connect timeout; automatic connection and
    /// topology recovery unless the caller reconnects by itself.
    /// </summary>
    public ConnectionFactory CreateFactory(string clientName, bool automaticRecovery = true) => new()
    {
        Uri = new Uri(Uri ?? throw new InvalidOperationException(Key + " is required")),
        ClientProvidedName = clientName,
        AutomaticRecoveryEnabled = automaticRecovery,
        TopologyRecoveryEnabled = automaticRecovery,
        NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
        RequestedHeartbeat = TimeSpan.FromSeconds(30),
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Why these settings cannot be used, naming the key, or null. Never echoes the URI: it holds a password.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Uri))
        {
            return Key + " is required";
        }

        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            return Key + " must be an amqp:// or amqps:// URI with a host";
        }

        return null;
    }
}
