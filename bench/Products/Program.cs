// Products create throughput and commit→confirm latency through the dev host.
// Usage: see bench/README.md. Everything is configured by environment variables:
//   BENCH_URL (http://127.0.0.1:8082), BENCH_PG (the products database), BENCH_RABBITMQ,
//   BENCH_JWKS_PORT (18093), BENCH_CREATES (5000), BENCH_CONCURRENCY (32), BENCH_RUNS (3).
using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using RabbitMQ.Client;

var baseUrl = Env("BENCH_URL", "http://127.0.0.1:8082");
var pg = Env("BENCH_PG", "Host=127.0.0.1;Port=55434;Username=covacha;Password=covacha;Database=products");
var rabbit = Env("BENCH_RABBITMQ", "amqp://covacha:covacha@127.0.0.1:55674/");
var jwksPort = int.Parse(Env("BENCH_JWKS_PORT", "18093"), CultureInfo.InvariantCulture);
var creates = int.Parse(Env("BENCH_CREATES", "5000"), CultureInfo.InvariantCulture);
var concurrency = int.Parse(Env("BENCH_CONCURRENCY", "32"), CultureInfo.InvariantCulture);
var runs = int.Parse(Env("BENCH_RUNS", "3"), CultureInfo.InvariantCulture);

// A stable signing key, so a dev host that cached our JWKS keeps accepting tokens between runs.
var keyFile = Path.Combine(Path.GetTempPath(), "covacha-products-bench-key.pem");
using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
if (File.Exists(keyFile))
{
    key.ImportFromPem(await File.ReadAllTextAsync(keyFile));
}
else
{
    await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
}

var kid = "bench-" + Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..12].ToLowerInvariant();
using var jwks = ServeJwks(key, kid, jwksPort);
var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Issuer = "covacha-local",
    Audience = "covacha",
    Expires = DateTime.UtcNow.AddHours(1),
    Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["role"] = "user", ["jti"] = Guid.NewGuid().ToString() },
    SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
});

// A queue bound to every product event, so the relay's mandatory publishes are routable.
var factory = new ConnectionFactory { Uri = new Uri(rabbit), ClientProvidedName = "products-bench" };
await using var connection = await factory.CreateConnectionAsync();
await using var channel = await connection.CreateChannelAsync();
await channel.ExchangeDeclareAsync("covacha.products", ExchangeType.Topic, durable: true, autoDelete: false);
var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
await channel.QueueBindAsync(queue.QueueName, "covacha.products", "product.*");
var delivered = 0;
var consumer = new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel);
consumer.ReceivedAsync += (_, _) =>
{
    Interlocked.Increment(ref delivered);
    return Task.CompletedTask;
};
await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(baseUrl),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var body = """{"name":"Bench product","description":"A product made by the benchmark.","price":19.99,"category":"other","stock":5}""";

Console.WriteLine($"Products bench: {baseUrl}, {creates} creates × {runs} runs, concurrency {concurrency}, {Environment.ProcessorCount} cores");
await CreateManyAsync(300); // warm-up: JIT, pools, JWKS fetch
await WaitForDrainAsync();

var rates = new List<double>();
var p50s = new List<double>();
var p99s = new List<double>();
for (var run = 1; run <= runs; run++)
{
    await using var conn = new NpgsqlConnection(pg);
    await conn.OpenAsync();
    var since = (DateTime)(await new NpgsqlCommand("SELECT clock_timestamp()", conn).ExecuteScalarAsync())!;
    var watch = Stopwatch.StartNew();
    var failures = await CreateManyAsync(creates);
    watch.Stop();
    await WaitForDrainAsync();
    await using var stats = new NpgsqlCommand(
        """
        SELECT count(*),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) * 1000,
               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) * 1000
        FROM outbox WHERE created_at >= $1 AND sent_at IS NOT NULL
        """, conn);
    stats.Parameters.AddWithValue(since);
    await using var reader = await stats.ExecuteReaderAsync();
    await reader.ReadAsync();
    var rate = creates / watch.Elapsed.TotalSeconds;
    rates.Add(rate);
    p50s.Add(reader.GetDouble(1));
    p99s.Add(reader.GetDouble(2));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: {rate:0} creates/s ({failures} failed), {reader.GetInt64(0)} events; commit→confirm p50 {reader.GetDouble(1):0.0} ms, p99 {reader.GetDouble(2):0.0} ms"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: {Median(rates):0} creates/s; commit→confirm p50 {Median(p50s):0.0} ms, p99 {Median(p99s):0.0} ms; delivered to the bench queue: {Volatile.Read(ref delivered)}"));
return 0;

async Task<int> CreateManyAsync(int count)
{
    var next = -1;
    var failed = 0;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) < count)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/products", content);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                if (Interlocked.Increment(ref failed) == 1)
                {
                    Console.WriteLine($"create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        Console.WriteLine("The per-user create limit applies: start the dev host with Products__CreatesPerUser=1000000 (see bench/README.md).");
                    }
                }
            }
        }
    }));
    return failed;
}

async Task WaitForDrainAsync()
{
    await using var conn = new NpgsqlConnection(pg);
    await conn.OpenAsync();
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (DateTime.UtcNow < deadline)
    {
        await using var pending = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL", conn);
        if ((long)(await pending.ExecuteScalarAsync())! == 0)
        {
            return;
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("The outbox did not drain within two minutes; is the relay running?");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

static HttpListener ServeJwks(ECDsa key, string kid, int port)
{
    var q = key.ExportParameters(false).Q;
    var json = Encoding.UTF8.GetBytes(
        $$"""{"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"{{kid}}","x":"{{Base64Url.EncodeToString(q.X)}}","y":"{{Base64Url.EncodeToString(q.Y)}}"}]}""");
    var listener = new HttpListener();
    listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    listener.Start();
    _ = Task.Run(async () =>
    {
        while (listener.IsListening)
        {
            try
            {
                var context = await listener.GetContextAsync();
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(json);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    });
    return listener;
}
