namespace Covacha.Shared.Health;

/// <summary>One dependency the app needs in order to serve: its database, its broker.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Throws, or answers unhealthy, when the dependency is not usable.</summary>
    Task<ReadinessOutcome> CheckAsync(CancellationToken cancellationToken);
}

public sealed record ReadinessOutcome(bool Healthy, string? Detail = null, IReadOnlyDictionary<string, object>? Data = null)
{
    public static readonly ReadinessOutcome Ok = new(true);
}
