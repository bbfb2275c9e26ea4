namespace Covacha.Products.Messaging;

/// <summary>Where the relay publishes and how it paces itself.</summary>
public sealed record OutboxRelaySettings(string RabbitMqUri)
{
    public int BatchSize { get; init; } = 200;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan MinReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan PruneInterval { get; init; } = TimeSpan.FromMinutes(10);
}
