namespace Covacha.Shared.Resilience;

/// <summary>
/// How long to wait before the next try: <see cref="First"/>, then twice as long after each
/// failure, never more than <see cref="Max"/>, and each wait shortened by a random part of up to
/// <see cref="Jitter"/> so that replicas (or rows) that failed together do not retry in step.
/// Jitter only shortens a wait, so <see cref="Max"/> stays a true ceiling.
/// </summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>The largest share of a wait that jitter takes off.</summary>
    public const double Jitter = 0.2;

    /// <summary>The wait before try <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failures (1 = the first failure).</summary>
    public TimeSpan Delay(int attempt) => Delay(attempt, Random.Shared.NextDouble());

    /// <summary><see cref="Delay(int)"/> with the random part given: 0 gives <see cref="Ceiling"/>, 1 takes <see cref="Jitter"/> off it.</summary>
    public TimeSpan Delay(int attempt, double random) => Ceiling(attempt) * (1 - Jitter * Math.Clamp(random, 0, 1));

    /// <summary>The wait before jitter: <see cref="First"/> doubled once per failure after the first, capped at <see cref="Max"/>.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        // In double, so a large attempt count cannot overflow before the cap applies.
        var doublings = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(Max.Ticks, First.Ticks * Math.Pow(2, doublings));
        return TimeSpan.FromTicks((long)ticks);
    }
}
