using System.Net;
using System.Text.Json;
using Covacha.Products.Data;
using Covacha.Products.Messaging;
using Covacha.Products.Model;
using Covacha.Products.Tests.Infrastructure;
using Covacha.Shared.Data;
using Covacha.Shared.Events;
using Covacha.Shared.Messaging;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;

namespace Covacha.Products.Tests.Integration;

[Collection(ProductsCollection.Name)]
public sealed class OutboxTests(ProductsHost host)
{
    private static readonly TimeSpan s_eventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Changes_CreateUpdateDelete_PublishExactlyOneEventEachInOrder()
    {
        var token = host.UserToken();
        var (created, etag) = await host.CreateAsync(token);
        var id = created.GetProperty("id").GetGuid();
        var path = $"/api/products/{id}";
        using (var patch = await host.SendAsync(HttpMethod.Patch, path, token, """{"stock": 7}""", ProductsContentTypes.MergePatch, ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        using (var delete = await host.SendAsync(HttpMethod.Delete, path, token, ifMatch: "\"2\""))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await Eventually.WaitAsync(() => Task.FromResult(host.Events.For(id).Count), n => n >= 3, s_eventTimeout, "three events");
        await WaitForEmptyOutboxAsync(host.ProductsDatabase);

        var events = host.Events.For(id);
        Assert.Equal([ProductEvents.Created, ProductEvents.Updated, ProductEvents.Deleted], events.Select(e => e.RoutingKey));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Event.Version));
        Assert.All(events, e =>
        {
            Assert.Equal(e.RoutingKey, e.Event.Type);
            Assert.Equal(e.Event.EventId.ToString(), e.MessageId);
            Assert.True(e.Persistent);
        });
        Assert.Equal(3, events.Select(e => e.Event.EventId).Distinct().Count());
        Assert.Equal(7, events[1].Event.Product!.Stock);
        Assert.Equal(id, events[0].Event.Product!.Id);
        Assert.Null(events[2].Event.Product);
    }

    [Fact]
    public async Task Relay_BrokerCutWhile500Created_EveryWriteSucceedsAndEveryEventArrivesAfterRestore()
    {
        host.BrokerProxy.Cut();
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        try
        {
            await Eventually.WaitAsync(ReadinessOutboxAsync, o => !o.GetProperty("data").GetProperty("brokerReachable").GetBoolean(),
                TimeSpan.FromSeconds(20), "readiness to report the broker unreachable");

            // Ten owners, 50 creates each: under the per-user create limit.
            var tokens = Enumerable.Range(0, 10).Select(_ => host.UserToken()).ToArray();
            await Parallel.ForAsync(0, 500, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var (product, _) = await host.CreateAsync(tokens[i % tokens.Length], ProductBody.Valid($"Sin broker {i}"));
                ids.Add(product.GetProperty("id").GetGuid());
            });
            Assert.Equal(500, ids.Count);
            Assert.DoesNotContain(ids, id => host.Events.For(id).Count > 0);
        }
        finally
        {
            host.BrokerProxy.Restore();
        }

        var wanted = ids.ToHashSet();
        await Eventually.WaitAsync(
            () => Task.FromResult(host.Events.All.Where(e => wanted.Contains(e.Event.ProductId)).Select(e => e.Event.ProductId).Distinct().Count()),
            n => n == 500, TimeSpan.FromSeconds(60), "all 500 created events after the broker came back");

        // Duplicates are allowed (at-least-once), but a duplicate is the same event.
        var byProduct = host.Events.All.Where(e => wanted.Contains(e.Event.ProductId)).GroupBy(e => e.Event.ProductId);
        Assert.All(byProduct, g => Assert.Single(g.Select(e => e.Event.EventId).Distinct()));
    }

    /// <summary>
    /// A process killed after its commit and before its publish leaves exactly this state behind:
    /// committed product and outbox rows and no relay. The rows are written by the same store
    /// the API uses, with no relay running; a relay then starts (as after the restart) and must
    /// publish them. Two relays start together, as two replicas would, and share the rows
    /// without publishing any twice.
    /// </summary>
    [Fact]
    public async Task Relay_RowsCommittedWhileNoRelayRan_ArePublishedOnceWhenReplicasStart()
    {
        await using var database = await MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new ProductStore(dataSource, new OutboxSignal(dataSource, NullLogger<OutboxSignal>.Instance), TimeProvider.System);
        var owner = new Identity(Guid.NewGuid());
        var ids = new List<Guid>();
        for (var i = 0; i < 150; i++)
        {
            ids.Add((await store.CreateAsync(owner.Id, Fields($"Huérfano {i}"), CancellationToken.None)).Id);
        }

        var changed = await store.UpdateAsync(ids[0], owner.Caller, v => v == 1, _ => Fields("Cambiado"), CancellationToken.None);
        Assert.Equal(ChangeOutcome.Done, changed.Outcome);
        Assert.Equal(2, changed.Product!.Version);

        await using var first = StartRelay(dataSource);
        await using var second = StartRelay(dataSource);
        var wanted = ids.ToHashSet();
        await Eventually.WaitAsync(() => Task.FromResult(host.Events.All.Count(e => wanted.Contains(e.Event.ProductId))),
            n => n >= 151, s_eventTimeout, "151 events from the relays");
        await WaitForEmptyOutboxAsync(database.ConnectionString);

        var events = host.Events.All.Where(e => wanted.Contains(e.Event.ProductId)).ToList();
        Assert.Equal(151, events.Count);
        Assert.Equal([1L, 2L], host.Events.For(ids[0]).Select(e => e.Event.Version));
    }

    /// <summary>
    /// A row written by another replica (its own <see cref="OutboxSignal"/>, so this relay gets no
    /// in-process wake-up) must reach the broker through LISTEN/NOTIFY long before the relay's
    /// 30 s poll would have found it.
    /// </summary>
    [Fact]
    public async Task Relay_RowCommittedByAnotherReplica_IsPublishedOnNotify()
    {
        await using var database = await MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var otherReplica = new ProductStore(dataSource, new OutboxSignal(dataSource, NullLogger<OutboxSignal>.Instance), TimeProvider.System);
        var owner = Guid.NewGuid();
        var first = await otherReplica.CreateAsync(owner, Fields("Primero"), CancellationToken.None);

        await using var relay = StartRelay(dataSource, pollInterval: TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => Task.FromResult(host.Events.For(first.Id).Count), n => n > 0, s_eventTimeout, "the first event");
        await WaitForEmptyOutboxAsync(database.ConnectionString);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var second = await otherReplica.CreateAsync(owner, Fields("Segundo"), CancellationToken.None);
        await Eventually.WaitAsync(() => Task.FromResult(host.Events.For(second.Id).Count), n => n > 0, TimeSpan.FromSeconds(10), "the notified event");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Relay_SentRowsPastRetention_ArePrunedAndPendingRowsKept()
    {
        await using var database = await MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO outbox (event_id, product_id, routing_key, payload, sent_at) VALUES
                (gen_random_uuid(), gen_random_uuid(), 'product.created', '\x7b7d', now() - interval '25 hours'),
                (gen_random_uuid(), gen_random_uuid(), 'product.created', '\x7b7d', now() - interval '1 hour'),
                (gen_random_uuid(), gen_random_uuid(), 'nobody.listens', '\x7b7d', NULL)
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var relay = StartRelay(dataSource);
        await Eventually.WaitAsync(async () =>
        {
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM outbox WHERE sent_at < now() - interval '24 hours'");
            return (long)(await count.ExecuteScalarAsync())!;
        }, n => n == 0, s_eventTimeout, "the expired sent row to be pruned");

        await using var remaining = dataSource.CreateCommand("SELECT count(*) FROM outbox");
        Assert.Equal(2L, (long)(await remaining.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// The publisher declares Search's queue (KEDA scales the indexer from it): an event published
    /// before any consumer ever ran waits in that queue instead of being unroutable.
    /// </summary>
    [Fact]
    public async Task Relay_BeforeAnyConsumerExists_DeclaresSearchsQueueAndEventsWaitInIt()
    {
        var factory = new ConnectionFactory { Uri = new Uri(host.RabbitMqUri) };
        await using var broker = await factory.CreateConnectionAsync();
        await using (var setup = await broker.CreateChannelAsync())
        {
            await setup.QueueDeleteAsync(ProductEvents.SearchQueue);
            await setup.QueueDeleteAsync(ProductEvents.SearchParkingQueue);
        }

        await using var database = await MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO outbox (event_id, product_id, routing_key, payload) VALUES ($1, $2, 'product.deleted', $3)"))
        {
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue("{}"u8.ToArray());
            await insert.ExecuteNonQueryAsync();
        }

        await using var relay = StartRelay(dataSource);
        await WaitForEmptyOutboxAsync(database.ConnectionString);

        await using var check = await broker.CreateChannelAsync();
        Assert.True((await check.QueueDeclarePassiveAsync(ProductEvents.SearchQueue)).MessageCount >= 1);
        Assert.Equal(0u, (await check.QueueDeclarePassiveAsync(ProductEvents.SearchParkingQueue)).MessageCount);
        await check.QueuePurgeAsync(ProductEvents.SearchQueue);
    }

    [Fact]
    public async Task Relay_UnroutableEvent_StaysPendingAndIsRetriedWithBackOff()
    {
        await using var database = await MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO outbox (event_id, product_id, routing_key, payload) VALUES ($1, $2, 'nobody.listens', $3)"))
        {
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue("{}"u8.ToArray());
            await insert.ExecuteNonQueryAsync();
        }

        await using var relay = StartRelay(dataSource);
        var row = await Eventually.WaitAsync(async () =>
        {
            await using var read = dataSource.CreateCommand("SELECT attempts, last_error, sent_at IS NULL, next_attempt_at > now() FROM outbox");
            await using var reader = await read.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (Attempts: reader.GetInt32(0), Error: await reader.IsDBNullAsync(1) ? "" : reader.GetString(1), Pending: reader.GetBoolean(2), Later: reader.GetBoolean(3));
        }, r => r.Attempts >= 1, s_eventTimeout, "the unroutable event to be counted as a failed attempt");

        Assert.True(row.Pending);
        Assert.True(row.Later);
        Assert.StartsWith("Unroutable", row.Error);
    }

    private async Task<JsonElement> ReadinessOutboxAsync()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/products/health/ready");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("outbox").Clone();
    }

    private static async Task WaitForEmptyOutboxAsync(string connectionString)
    {
        await Eventually.WaitAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }, n => n == 0, s_eventTimeout, "the outbox to drain");
    }

    internal static async Task<TestDatabase> MigratedDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync("products");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new SchemaMigrator(dataSource, typeof(ProductStore).Assembly, "products", NullLogger.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>One replica's outbox services (relay and housekeeping), wired as the app wires them.</summary>
    private RunningRelay StartRelay(NpgsqlDataSource dataSource, TimeSpan? pollInterval = null)
    {
        var settings = new OutboxRelaySettings { BatchSize = 20, PollInterval = pollInterval ?? TimeSpan.FromSeconds(1) };
        var repository = new OutboxRepository(dataSource);
        var metrics = new OutboxMetrics();
        var publisher = new OutboxPublisher(Options.Create(new RabbitMqOptions { Uri = host.RabbitMqUri }), settings,
            new BrokerStatus(TimeProvider.System), NullLogger<OutboxPublisher>.Instance);
        var relay = new OutboxRelay(repository, publisher, new OutboxSignal(dataSource, NullLogger<OutboxSignal>.Instance),
            metrics, settings, NullLogger<OutboxRelay>.Instance);
        var housekeeping = new OutboxHousekeeping(repository, metrics, settings, Options.Create(new ProductsOptions()),
            TimeProvider.System, NullLogger<OutboxHousekeeping>.Instance);
        relay.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        housekeeping.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new RunningRelay(relay, housekeeping);
    }

    private static ProductFields Fields(string name) => new(name, "", 1250, "COP", "books", null, 1);

    private sealed record Identity(Guid Id)
    {
        public Covacha.Shared.Identity.Caller Caller => new(Id, "user", null, null);
    }

    private sealed class RunningRelay(OutboxRelay relay, OutboxHousekeeping housekeeping) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(relay.StopAsync(CancellationToken.None), housekeeping.StopAsync(CancellationToken.None));
            relay.Dispose();
            housekeeping.Dispose();
        }
    }
}
