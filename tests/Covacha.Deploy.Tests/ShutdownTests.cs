using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Covacha.Deploy.Tests.Support;
using Covacha.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Covacha.Deploy.Tests;

/// <summary>
/// SIGTERM to a running app process during a burst of creates: the dev host, the process that runs
/// Products' outbox relay and Search's consumer outside a Functions host (the same hosted services,
/// stopped the same way by the generic host), as its own process on real PostgreSQL and RabbitMQ.
/// It must exit 0 well inside the time a pod has after its preStop sleep, and after a restart every
/// product that was created is in search exactly once, with nothing parked and nothing left queued.
/// It shares the tests-deploy virtual host with <see cref="TraceTests"/>, hence the collection.
/// </summary>
[Collection(InProcessApps.Name)]
public sealed class ShutdownTests(ITestOutputHelper output)
{
    /// <summary>Creates answered before the signal: the burst is well under way, requests still in flight.</summary>
    private const int CreatesBeforeSignal = 30;

    private const int Senders = 6;

    [Fact]
    public async Task Sigterm_DuringABurstOfCreates_ExitsZeroInTime_AndLosesOrParksNothing()
    {
        using var whole = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exitDeadline = ExitDeadline();
        await using var auth = await TestDatabase.CreateAsync("auth");
        await using var products = await TestDatabase.CreateAsync("products");
        await using var search = await TestDatabase.CreateAsync("search");
        var broker = $"{TestEnvironment.RabbitMqUri}/tests-deploy";
        await ProductEventQueues.ResetAsync(broker);
        using var tokens = new TestTokenIssuer();
        var environment = Environment(auth, products, search, broker, tokens);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var word = Word();

        var answered201 = new ConcurrentBag<Guid>();
        var inFlight = 0;
        using (var first = DevHostProcess.Start(environment, FreePort()))
        {
            await first.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120), whole.Token);
            using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(whole.Token);
            var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
            {
                for (var i = 0; !stopSending.IsCancellationRequested; i++)
                {
                    Interlocked.Increment(ref inFlight);
                    try
                    {
                        using var request = CreateRequest(first.BaseAddress, tokens, $"Apagado {word} {sender}-{i}");
                        using var response = await http.SendAsync(request, stopSending.Token);
                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            return; // draining answers (503) or the process going away: this sender is done
                        }

                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stopSending.Token));
                        answered201.Add(body.RootElement.GetProperty("id").GetGuid());
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        return;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }
            })).ToList();

            try
            {
                await Eventually.WaitAsync(() => Task.FromResult(answered201.Count), n => n >= CreatesBeforeSignal,
                    TimeSpan.FromSeconds(90), $"{CreatesBeforeSignal} creates before the signal");
                var requestsAtSignal = Volatile.Read(ref inFlight);
                var pendingAtSignal = await PendingOutboxAsync(products.ConnectionString);
                var clock = Stopwatch.StartNew();
                first.Terminate();
                var exited = await first.WaitForExitAsync(exitDeadline);
                clock.Stop();
                output.WriteLine($"At SIGTERM: {answered201.Count} created, {requestsAtSignal} requests in flight, {pendingAtSignal} outbox rows unsent. Exit after {clock.Elapsed.TotalSeconds:0.0} s.");

                Assert.True(exited, $"no exit within {exitDeadline.TotalSeconds:0} s of SIGTERM:\n{first.Output}");
                Assert.True(first.ExitCode == 0, $"exit code {first.ExitCode}:\n{first.Output}");
            }
            finally
            {
                await stopSending.CancelAsync();
                await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        // Started again: what committed before the stop reaches search, once, and nothing was parked.
        using var second = DevHostProcess.Start(environment, FreePort());
        await second.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120), whole.Token);
        var catalogue = await ProductIdsAsync(products.ConnectionString);
        Assert.Superset(catalogue.ToHashSet(), answered201.ToHashSet());
        // Pages walked while the index still catches up shift under the walk (a product can show on
        // two pages), so wait until every product is there, then walk the settled result once more.
        await Eventually.WaitAsync(() => SearchAsync(http, second.BaseAddress, word), ids => ids.Distinct().Count() >= catalogue.Count,
            TimeSpan.FromSeconds(90), $"all {catalogue.Count} products in search");
        var found = await SearchAsync(http, second.BaseAddress, word);
        Assert.Equal(0, await PendingOutboxAsync(products.ConnectionString));
        Assert.Equal(found.Count, found.Distinct().Count());
        Assert.Equal(catalogue.Order(), found.Order());
        var (ready, parked) = await ProductEventQueues.CountAsync(broker);
        Assert.Equal(0u, parked);
        Assert.Equal(0u, ready);

        second.Terminate();
        Assert.True(await second.WaitForExitAsync(exitDeadline), $"the restarted host did not stop in time:\n{second.Output}");
        Assert.Equal(0, second.ExitCode);
    }

    /// <summary>
    /// Well under what a pod of the relay's or the consumer's Deployment has between SIGTERM and
    /// SIGKILL: its grace period less its preStop sleep (both read from the rendered manifests), halved.
    /// </summary>
    private static TimeSpan ExitDeadline()
    {
        var budgets = new[] { "products", "search-indexer" }.Select(name =>
        {
            var pod = RenderedOverlay.Aks.Deployment(name).Spec.Template.Spec;
            var preStop = Assert.Single(pod.Containers).Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;
            return (pod.TerminationGracePeriodSeconds ?? 30) - preStop;
        });
        return TimeSpan.FromSeconds(budgets.Min() / 2.0);
    }

    private static Dictionary<string, string> Environment(
        TestDatabase auth, TestDatabase products, TestDatabase search, string broker, TestTokenIssuer tokens)
    {
        var (keyId, pem) = TestSigningKey.Create();
        var serviceKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        return new Dictionary<string, string>
        {
            ["ConnectionStrings__Auth"] = auth.ConnectionString,
            ["ConnectionStrings__Products"] = products.ConnectionString,
            ["ConnectionStrings__Search"] = search.ConnectionString,
            ["ConnectionStrings__RabbitMQ"] = broker,
            ["Auth__SigningKeys__0__KeyId"] = keyId,
            ["Auth__SigningKeys__0__PrivateKeyPem"] = pem,
            ["Auth__BootstrapAdmin__Email"] = "admin@covacha.test",
            ["Auth__BootstrapAdmin__Password"] = "admin-" + Guid.NewGuid().ToString("N"),
            ["Products__ServiceKey"] = serviceKey,
            ["Search__ProductsServiceKey"] = serviceKey,
            ["Auth__ProductsServiceKey"] = serviceKey,
            // Tokens from the test's issuer: a new user per create, so no per-user limit applies.
            ["Identity__JwksUrl"] = tokens.JwksUrl,
            ["Mail__Port"] = TestEnvironment.SmtpPort?.ToString(CultureInfo.InvariantCulture) ?? "9",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Covacha"] = "Information",
        };
    }

    private static HttpRequestMessage CreateRequest(Uri baseAddress, TestTokenIssuer tokens, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/api/products"))
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { name, description = "Creado durante un SIGTERM.", price = 1000, currency = "COP", category = "books", stock = 1 }),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(Guid.NewGuid()));
        return request;
    }

    /// <summary>Every product search finds for the run's word, page by page.</summary>
    private static async Task<List<Guid>> SearchAsync(HttpClient http, Uri baseAddress, string word)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            using var response = await http.GetAsync(new Uri(baseAddress, $"/api/search?q={word}&pageSize=50&page={page}"));
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            ids.AddRange(items);
            if (items.Count < 50)
            {
                return ids;
            }
        }
    }

    private static async Task<List<Guid>> ProductIdsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM products", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<long> PendingOutboxAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A word no other product has (letters only, so search reads it as one word).</summary>
    private static string Word() =>
        "sig" + string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
