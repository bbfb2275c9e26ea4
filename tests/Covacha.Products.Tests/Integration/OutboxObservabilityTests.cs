using System.Diagnostics;
using System.Diagnostics.Metrics;
using Covacha.Products.Messaging;
using Covacha.Products.Model;
using Covacha.Products.Tests.Infrastructure;
using Covacha.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Products.Tests.Integration;

[Collection(ProductsCollection.Name)]
public sealed class OutboxObservabilityTests(ProductsHost host)
{
    /// <summary>
    /// The relay wakes on NOTIFY at commit. Polling alone (every second) would put the median
    /// near 500 ms; the bound is loose enough for a busy shared machine, tight enough to fail
    /// without the notification path. bench/Products measures the real figures.
    /// </summary>
    [Fact]
    public async Task Relay_AfterCommit_PublishesWithinAFractionOfThePollInterval()
    {
        var token = host.UserToken();
        var delays = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var (product, _) = await host.CreateAsync(token);
            var committed = Stopwatch.GetTimestamp();
            var id = product.GetProperty("id").GetGuid();
            await Eventually.WaitAsync(() => Task.FromResult(host.Events.For(id).Count), n => n > 0, TimeSpan.FromSeconds(10), "the event");
            delays.Add(Stopwatch.GetElapsedTime(committed).TotalMilliseconds);
        }

        delays.Sort();
        Assert.True(delays[delays.Count / 2] < 250, $"median commit→delivery {delays[delays.Count / 2]:0} ms; all: {string.Join(", ", delays.Select(d => d.ToString("0")))}");
    }

    [Fact]
    public async Task Metrics_PublishedCounterAndBacklogGauges_AreReportedOnTheProductsMeter()
    {
        var published = 0L;
        var seen = new HashSet<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (seen)
            {
                seen.Add(instrument.Name);
                if (instrument.Name == "covacha_outbox_published_total")
                {
                    published += value;
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            lock (seen)
            {
                seen.Add(instrument.Name);
            }
        });
        listener.Start();

        await host.CreateAsync(host.UserToken());
        await Eventually.WaitAsync(() =>
        {
            listener.RecordObservableInstruments();
            lock (seen)
            {
                return Task.FromResult(published);
            }
        }, n => n > 0, TimeSpan.FromSeconds(10), "a published event to be counted");

        Assert.Contains("covacha_outbox_pending", seen);
        Assert.Contains("covacha_outbox_oldest_pending_age_seconds", seen);
    }
}

public sealed class OutboxReadinessCheckTests
{
    [Fact]
    public async Task Check_BrokerUnreachableOverTheLimit_IsUnhealthyAndReportsBacklog()
    {
        await using var database = await OutboxTests.MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO outbox (event_id, product_id, routing_key, payload, created_at) VALUES ($1, $2, 'product.created', '\\x7b7d', now() - interval '6 minutes')"))
        {
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue(Guid.NewGuid());
            await insert.ExecuteNonQueryAsync();
        }

        var clock = new ManualClock();
        var broker = new BrokerStatus(clock);
        var check = new OutboxReadinessCheck(new OutboxRepository(dataSource), broker, Options.Create(new ProductsOptions()));

        var healthy = await check.CheckAsync(CancellationToken.None);
        Assert.True(healthy.Healthy);
        Assert.Equal(1L, healthy.Data!["pending"]);
        Assert.Contains("over 5 minutes", healthy.Detail);

        broker.MarkUnreachable();
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True((await check.CheckAsync(CancellationToken.None)).Healthy);

        clock.Advance(TimeSpan.FromSeconds(2));
        var down = await check.CheckAsync(CancellationToken.None);
        Assert.False(down.Healthy);
        Assert.Contains("unreachable", down.Detail);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
