using Covacha.Shared.Resilience;

namespace Covacha.Products.Messaging;

/// <summary>How the outbox relay and its housekeeping pace themselves.</summary>
public sealed record OutboxRelaySettings
{
    public int BatchSize { get; init; } = 200;

    /// <summary>How often the relay looks for due rows without being woken (back-offs expire, a NOTIFY can be missed).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Between tries to reach the broker (or PostgreSQL's LISTEN) while it is unreachable.</summary>
    public Backoff Reconnect { get; init; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

    /// <summary>Between attempts of one event the broker refused (nack, return, no confirm): about 1 s, 2 s, 4 s … a minute.</summary>
    public Backoff EventRetry { get; init; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan PruneInterval { get; init; } = TimeSpan.FromMinutes(10);
}
