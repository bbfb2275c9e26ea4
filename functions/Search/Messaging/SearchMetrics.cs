using System.Diagnostics.Metrics;

namespace Covacha.Search.Messaging;

/// <summary>The consumer's metrics, named as in the contract (meter <c>Covacha.Search</c>).</summary>
public sealed class SearchMetrics : IDisposable
{
    public const string MeterName = "Covacha.Search";

    private readonly Meter _meter;
    private readonly Counter<long> _applied;
    private readonly Counter<long> _parked;
    private readonly Histogram<double> _lag;

    public SearchMetrics(IMeterFactory meterFactory, ConsumerState state)
    {
        _meter = meterFactory.Create(MeterName);
        _applied = _meter.CreateCounter<long>("covacha_search_events_applied", description: "Product events applied to the read model.");
        _parked = _meter.CreateCounter<long>("covacha_search_events_parked", description: "Product events moved to the parking queue.");
        _lag = _meter.CreateHistogram<double>("covacha_search_index_lag", unit: "s",
            description: "Time from a product change to its presence in the read model.");
        _meter.CreateObservableGauge("covacha_search_consumer_attached", () => state.IsAttached ? 1 : 0,
            description: "1 while a consumer is attached to the product events queue.");
    }

    public void Applied(int count) => _applied.Add(count);

    public void Parked(string reason) => _parked.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Lag(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));

    public void Dispose() => _meter.Dispose();
}
