namespace Covacha.Products.Messaging;

/// <summary>Whether the relay can reach the broker, and since when it cannot.</summary>
public sealed class BrokerStatus(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _unreachableSince;

    public DateTimeOffset? UnreachableSince
    {
        get
        {
            lock (_gate)
            {
                return _unreachableSince;
            }
        }
    }

    /// <summary>How long the broker has been unreachable; zero while it is reachable.</summary>
    public TimeSpan UnreachableFor => UnreachableSince is { } since ? clock.GetUtcNow() - since : TimeSpan.Zero;

    public void MarkUnreachable()
    {
        lock (_gate)
        {
            _unreachableSince ??= clock.GetUtcNow();
        }
    }

    public void MarkReachable()
    {
        lock (_gate)
        {
            _unreachableSince = null;
        }
    }
}
