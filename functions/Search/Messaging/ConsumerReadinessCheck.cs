using Covacha.Shared.Events;
using Covacha.Shared.Health;

namespace Covacha.Search.Messaging;

/// <summary>Not ready while the indexer has no consumer on the queue (broker down, recovering).</summary>
public sealed class ConsumerReadinessCheck(ConsumerState state) : IReadinessCheck
{
    public string Name => "consumer";

    public Task<ReadinessOutcome> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(
        !state.Enabled ? new ReadinessOutcome(true, "Consumer switched off (Search:ConsumerEnabled=false).")
        : state.IsAttached ? ReadinessOutcome.Ok
        : new ReadinessOutcome(false, $"No consumer attached to {ProductEvents.SearchQueue}."));
}
