namespace Covacha.Products.Data;

/// <summary>Who took a product down, when and why; <see cref="By"/> is null when the system did (an account deletion).</summary>
public sealed record Takedown(DateTimeOffset At, Guid? By, string Reason);
