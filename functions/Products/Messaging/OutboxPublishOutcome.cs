namespace Covacha.Products.Messaging;

/// <summary>
/// What became of a published batch: the rows the broker confirmed, the ones it did not (with
/// why), and whether the connection was lost meanwhile (then the failures are not the events' fault).
/// </summary>
public sealed record OutboxPublishOutcome(
    IReadOnlyList<long> Sent, IReadOnlyList<(OutboxRow Row, string Error)> Failed, bool ConnectionLost);
