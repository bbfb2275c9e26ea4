using System.Diagnostics;
using System.Globalization;

// Closed-loop HTTP load: <clients> loops, each sending the next GET as soon as the previous
// response body is read. Usage: <url> <clients> <seconds> [warmup requests, default 200]
// Prints requests/s and latency percentiles; any non-2xx response or error counts as a failure.
if (args.Length < 3)
{
    await Console.Error.WriteLineAsync("usage: <url> <clients> <seconds> [warmup]");
    return 2;
}

var url = new Uri(args[0]);
var clients = int.Parse(args[1], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
var warmup = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = clients,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseCookies = false,
    AutomaticDecompression = System.Net.DecompressionMethods.None,
});

for (var i = 0; i < warmup; i++)
{
    using var response = await http.GetAsync(url);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

var failures = 0;
var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
var clock = Stopwatch.StartNew();
var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
{
    var latencies = new List<double>(capacity: 64 * 1024);
    while (Stopwatch.GetTimestamp() < deadline)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref failures);
        }

        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    return latencies;
})));
var elapsed = clock.Elapsed.TotalSeconds;

var all = perClient.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{url.PathAndQuery}  clients={clients}  requests={all.Length}  failures={failures}  " +
    $"rps={all.Length / elapsed:0}  p50={Percentile(0.50):0.00}ms  p95={Percentile(0.95):0.00}ms  p99={Percentile(0.99):0.00}ms  max={all[^1]:0.00}ms"));
return failures == 0 ? 0 : 1;
