using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Covacha.Deploy.Tests.Support;
using Covacha.Shared.Events;
using Covacha.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace Covacha.Deploy.Tests;

/// <summary>
/// SIGTERM to a running app process (the dev host with all three apps, as <c>./covacha up</c> runs
/// it) during a burst of creates: it exits 0 well inside the pods' grace period, and after a
/// restart every product whose create succeeded is in search, with nothing parked. What happens
/// before the worker sees the stop (the Functions host as PID 1 passing it on) is the image's part,
/// checked by <see cref="ImageTests"/>.
/// </summary>
public sealed class ShutdownTests
{
    private const string Vhost = "tests-deploy";
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_DuringABurstOfCreates_ExitsZeroAndLosesOrParksNothing()
    {
        await using var auth = await TestDatabase.CreateAsync("auth");
        await using var products = await TestDatabase.CreateAsync("products");
        await using var search = await TestDatabase.CreateAsync("search");
        var broker = $"{TestEnvironment.RabbitMqUri}/{Vhost}";
        await DeleteQueuesAsync(broker);
        var (keyId, pem) = TestSigningKey.Create();
        var password = "admin-" + Guid.NewGuid().ToString("N");
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["COVACHA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings__Auth"] = auth.ConnectionString,
            ["ConnectionStrings__Products"] = products.ConnectionString,
            ["ConnectionStrings__Search"] = search.ConnectionString,
            ["ConnectionStrings__RabbitMQ"] = broker,
            ["Auth__SigningKeys__0__KeyId"] = keyId,
            ["Auth__SigningKeys__0__PrivateKeyPem"] = pem,
            ["Auth__BootstrapAdmin__Email"] = "admin@covacha.test",
            ["Auth__BootstrapAdmin__Password"] = password,
            ["Products__ServiceKey"] = "shutdown-test-service-key-0123456789",
            ["Search__ProductsServiceKey"] = "shutdown-test-service-key-0123456789",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Covacha"] = "Information",
        };
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };

        var created = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var first = await StartAsync(environment, http);
        var output = new System.Text.StringBuilder();
        try
        {
            var token = await TokenAsync(http, password);
            using var burst = new CancellationTokenSource();
            var creates = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !burst.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/products")
                        {
                            Content = JsonContent.Create(new { name = $"Shutdown {worker}-{i}", description = "SIGTERM burst", price = 1000 + i, category = "books", stock = 1 }),
                        };
                        request.Headers.Authorization = new("Bearer", token);
                        using var response = await http.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            created.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return; // the process is going away
                    }
                }
            })).ToList();

            await Eventually.WaitAsync(() => Task.FromResult(created.Count), n => n >= 60, TimeSpan.FromSeconds(60), "60 creates before SIGTERM");
            var watch = Stopwatch.StartNew();
            Signal(first.Process, "TERM");
            var exited = await WaitForExitAsync(first.Process, ExitDeadline);
            await burst.CancelAsync();
            if (!exited)
            {
                Stop(first.Process);
            }

            await Task.WhenAll(creates);
            output.Append(await first.Output.WaitAsync(TimeSpan.FromSeconds(10)));

            Assert.True(exited, $"no exit within {ExitDeadline.TotalSeconds:0} s of SIGTERM:\n{output}");
            Assert.True(first.Process.ExitCode == 0, $"exit code {first.Process.ExitCode}:\n{output}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed.TotalSeconds:0.0} s to stop");
        }
        finally
        {
            Stop(first.Process);
        }

        // Restart: whatever was committed before the stop reaches search, and nothing was parked.
        var second = await StartAsync(environment, http);
        try
        {
            var ids = created.ToArray();
            await Eventually.WaitAsync(() => CountAsync(search.ConnectionString, ids), n => n == ids.Length, TimeSpan.FromSeconds(90),
                $"all {ids.Length} created products in search");
            Assert.Equal(0, await PendingOutboxAsync(products.ConnectionString));
            Assert.Equal(0u, await ParkedAsync(broker));
            Signal(second.Process, "TERM");
            Assert.True(await WaitForExitAsync(second.Process, ExitDeadline), "the restarted host did not stop");
            Assert.Equal(0, second.Process.ExitCode);
        }
        finally
        {
            Stop(second.Process);
        }
    }

    private static async Task<(Process Process, Task<string> Output)> StartAsync(Dictionary<string, string> environment, HttpClient http)
    {
        var devHost = Repository.PathOf("tools", "DevHost", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "Covacha.DevHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(devHost)! };
        start.ArgumentList.Add(devHost);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var output = Task.WhenAll(stdout, stderr).ContinueWith(t => string.Concat(t.Result), TaskScheduler.Default);
        await Eventually.WaitAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/api/search/health/ready", UriKind.Relative));
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, s => s == HttpStatusCode.OK || process.HasExited, TimeSpan.FromSeconds(90), "the dev host to be ready").ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                Stop(process);
            }

            return t;
        }, TaskScheduler.Default).Unwrap();
        Assert.False(process.HasExited, "the dev host exited at start-up:\n" + await output);
        return (process, output);
    }

    private static async Task<string> TokenAsync(HttpClient http, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { email = "admin@covacha.test", password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already disposed.
        }
    }

    private static async Task<int> CountAsync(string connectionString, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM products WHERE id = ANY($1)", connection);
        command.Parameters.AddWithValue(ids);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> PendingOutboxAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<uint> ParkedAsync(string broker)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(ProductEvents.SearchParkingQueue)).MessageCount;
    }

    /// <summary>This vhost is this test's alone; queues left by an earlier run would mix in old events.</summary>
    private static async Task DeleteQueuesAsync(string broker)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        foreach (var queue in new[] { ProductEvents.SearchQueue, ProductEvents.SearchParkingQueue })
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
