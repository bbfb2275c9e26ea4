using System.Diagnostics.Metrics;

namespace Covacha.Products.Messaging;

/// <summary>The outbox's instruments on the <c>Covacha.Products</c> meter, named as in the contract.</summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "Covacha.Products";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _published;
    private OutboxBacklog _backlog = new(0, 0);

    public OutboxMetrics()
    {
        _published = _meter.CreateCounter<long>("covacha_outbox_published_total", description: "Outbox events confirmed by the broker.");
        _meter.CreateObservableGauge("covacha_outbox_pending", () => Volatile.Read(ref _backlog).Pending,
            description: "Outbox events not yet confirmed by the broker.");
        _meter.CreateObservableGauge("covacha_outbox_oldest_pending_age_seconds", () => Volatile.Read(ref _backlog).OldestPendingAgeSeconds,
            unit: "s", description: "Age of the oldest unconfirmed outbox event; over 300 means an event is stuck.");
    }

    public void Published(int count) => _published.Add(count);

    public void Observe(OutboxBacklog backlog) => Volatile.Write(ref _backlog, backlog);

    public void Dispose() => _meter.Dispose();
}
