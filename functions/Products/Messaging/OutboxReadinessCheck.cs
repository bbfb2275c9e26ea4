using System.Globalization;
using Covacha.Products.Model;
using Covacha.Shared.Health;
using Microsoft.Extensions.Options;

namespace Covacha.Products.Messaging;

/// <summary>
/// Reports the outbox backlog, and fails once the broker has been unreachable for longer than
/// <see cref="ProductsOptions.BrokerUnreachableSeconds"/> (writes still succeed meanwhile, but
/// events are not leaving).
/// </summary>
public sealed class OutboxReadinessCheck(OutboxRepository repository, BrokerStatus broker, IOptions<ProductsOptions> options)
    : IReadinessCheck
{
    public string Name => "outbox";

    public async Task<ReadinessOutcome> CheckAsync(CancellationToken cancellationToken)
    {
        var backlog = await repository.ReadBacklogAsync(cancellationToken);
        var down = broker.UnreachableFor;
        var data = new Dictionary<string, object>
        {
            ["pending"] = backlog.Pending,
            ["oldestPendingAgeSeconds"] = Math.Round(backlog.OldestPendingAgeSeconds, 3),
            ["brokerReachable"] = broker.UnreachableSince is null,
            ["brokerUnreachableSeconds"] = Math.Round(down.TotalSeconds, 1),
        };

        var limit = TimeSpan.FromSeconds(options.Value.BrokerUnreachableSeconds);
        if (down > limit)
        {
            return new ReadinessOutcome(false,
                string.Create(CultureInfo.InvariantCulture, $"The broker has been unreachable for {down.TotalSeconds:0} s."), data);
        }

        var detail = backlog.HasStale
            ? string.Create(CultureInfo.InvariantCulture,
                $"The oldest pending event is {backlog.OldestPendingAgeSeconds:0} s old (over {OutboxBacklog.StaleAfter.TotalMinutes:0} minutes).")
            : null;
        return new ReadinessOutcome(true, detail, data);
    }
}
