namespace Covacha.Products.Messaging;

/// <summary>A claimed event the broker did not take, why, and how long it waits before its next attempt.</summary>
public sealed record OutboxFailure(OutboxRow Row, string Error, TimeSpan RetryIn);
