namespace Covacha.Search.Model;

/// <summary>Progress of the last rebuild of the read model from Products' export.</summary>
public sealed record ReindexStatus(string State, long Processed, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public const string Idle = "idle";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly ReindexStatus Initial = new(Idle, 0, null, null, null);
}
