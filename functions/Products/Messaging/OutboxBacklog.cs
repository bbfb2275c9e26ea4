namespace Covacha.Products.Messaging;

/// <summary>How many events wait in the outbox and how old the oldest is.</summary>
public sealed record OutboxBacklog(long Pending, double OldestPendingAgeSeconds)
{
    /// <summary>An event older than this is reported as stuck (metric and readiness detail).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public bool HasStale => OldestPendingAgeSeconds > StaleAfter.TotalSeconds;
}
