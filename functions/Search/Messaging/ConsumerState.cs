using RabbitMQ.Client;

namespace Covacha.Search.Messaging;

/// <summary>Whether a consumer is attached to the queue right now (readiness and the gauge read it).</summary>
public sealed class ConsumerState
{
    private volatile IChannel? _channel;
    private volatile string? _consumerTag;

    public bool Enabled { get; set; } = true;

    public bool IsAttached => _consumerTag is not null && _channel is { IsOpen: true };

    public void Attached(IChannel channel, string consumerTag)
    {
        _channel = channel;
        _consumerTag = consumerTag;
    }

    public void Detached()
    {
        _consumerTag = null;
        _channel = null;
    }
}
