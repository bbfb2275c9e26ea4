using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Covacha.Search.Bench;
using Covacha.Search.Data;
using Covacha.Search.Data.Postgres;
using Covacha.Search.Index;
using Covacha.Search.Messaging;
using Covacha.Search.Model;
using Covacha.Search.Text;
using Covacha.Shared.Data;
using Covacha.Shared.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;

// Usage (see bench/README.md):
//   load      <pg> <count>                          generate and write products through the store's own ApplyAsync
//   http      <baseUrl> <clients> <seconds> [mix]   search load through the dev host; mix = one|two|both
//   db        <pg> <clients> <seconds> [mix]        the same queries straight against the store's SQL (no HTTP)
//   index     <pg> <clients> <seconds> [mix]        the same queries against an in-memory index loaded from <pg> (no HTTP)
//   compare   <pg> <clients> <seconds> [rounds]     today's index against the baseline copy (bench/Search/Baseline) loaded from the same feed in one process:
//                                                   heap, load time, identical results, then one- and two-word runs interleaved, medians
//   start     <pg> [<pg> ...]                       cold start of the in-memory index per database: from the whole change feed, then from a
//                                                   snapshot written beside the read model (the database is migrated first); same answers checked
//   decode    (no arguments)                        decoding 20,000 generated descriptions from the compact index's text dictionary
//   fold      <count>                               text folding per product: the table path against decomposing, side by side
//   publish   <amqp> <count>                        fill search.product-events (run with the indexer stopped)
//   rate      <pg>                                  events/s the indexer applied (from indexed_at)
//   fresh     <baseUrl> <amqp> <samples>            create → visible in search latency, system idle
var command = args.ElementAtOrDefault(0);
switch (command)
{
    case "load": await LoadAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)); break;
    case "http": await HttpLoadAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args.ElementAtOrDefault(4) ?? "both"); break;
    case "db": await DbLoadAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args.ElementAtOrDefault(4) ?? "both"); break;
    case "index": await IndexLoadAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args.ElementAtOrDefault(4) ?? "both"); break;
    case "compare": await CompareAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args.ElementAtOrDefault(4) ?? "3", CultureInfo.InvariantCulture)); break;
    case "start": await StartAsync(args[1..]); break;
    case "decode": Decode(); break;
    case "fold": Fold(int.Parse(args[1], CultureInfo.InvariantCulture)); break;
    case "publish": await PublishAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)); break;
    case "rate": await RateAsync(args[1]); break;
    case "fresh": await FreshnessAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)); break;
    default: await Console.Error.WriteLineAsync("commands: load | http | db | index | compare | fold | publish | rate | fresh"); return 2;
}

return 0;

static async Task LoadAsync(string pg, int count)
{
    await using var dataSource = NpgsqlDataSource.Create(pg);
    await new SchemaMigrator(dataSource, typeof(PostgresSearchStore).Assembly, "search", NullLogger.Instance).MigrateAsync(CancellationToken.None);
    var store = new PostgresSearchStore(dataSource);
    var generator = new CatalogueGenerator(seed: 42);
    var start = DateTimeOffset.UtcNow.AddDays(-365);
    var watch = Stopwatch.StartNew();
    const int batch = 1000;
    for (var done = 0; done < count; done += batch)
    {
        var changes = Enumerable.Range(0, Math.Min(batch, count - done))
            .Select(i => generator.Next(start.AddSeconds((done + i) * 30.0 * 1_000_000 / count)))
            .Select(p => new ProductChange(p.Id, p.Version, p, p.UpdatedAt)).ToList();
        await store.ApplyAsync(changes, CancellationToken.None);
        if ((done / batch) % 50 == 0)
        {
            Console.WriteLine($"{done + changes.Count:N0} products, {watch.Elapsed.TotalSeconds:0} s");
        }
    }

    foreach (var table in new[] { "products", "words" })
    {
        await using var analyze = dataSource.CreateCommand($"VACUUM ANALYZE {table}");
        await analyze.ExecuteNonQueryAsync();
    }

    Console.WriteLine($"loaded {count:N0} products in {watch.Elapsed.TotalSeconds:0} s");
}

static List<string> Queries(string mix, int seed)
{
    var random = new Random(seed);
    var words = CatalogueGenerator.QueryWords;
    string One() => words[random.Next(words.Count)];
    return Enumerable.Range(0, 2000).Select(i => mix switch
    {
        "one" => One(),
        "two" => One() + " " + One(),
        _ => i % 2 == 0 ? One() : One() + " " + One(),
    }).ToList();
}

static async Task HttpLoadAsync(string baseUrl, int clients, int seconds, string mix)
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(baseUrl) };
    var queries = Queries(mix, 7);
    await RunAsync($"http {mix}", clients, seconds, queries, async q =>
    {
        using var response = await http.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(q), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    });
}

static async Task DbLoadAsync(string pg, int clients, int seconds, string mix)
{
    await using var dataSource = NpgsqlDataSource.Create(pg);
    var store = new PostgresSearchStore(dataSource);
    var queries = Queries(mix, 7);
    await RunAsync($"db {mix}", clients, seconds, queries, q =>
        store.SearchAsync(new SearchQuery(q, null, null, null, null, SearchSort.Relevance, 1, 20), CancellationToken.None));
}

static async Task IndexLoadAsync(string pg, int clients, int seconds, string mix)
{
    await using var dataSource = NpgsqlDataSource.Create(pg);
    using var index = new SearchIndex();
    var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
    var watch = Stopwatch.StartNew();
    var store = new PostgresSearchStore(dataSource);
    var follower = new SearchIndexFollower(index, store, Options.Create(new SearchOptions()), NullLogger<SearchIndexFollower>.Instance);
    await follower.CatchUpAsync(CancellationToken.None);
    var loaded = watch.Elapsed;
    var memory = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;

    // Reading the feed alone, for the share of the load that is the database's.
    watch.Restart();
    for (long after = 0; ;)
    {
        var page = await store.ReadChangesAsync(after, SearchIndexFollower.PageSize, CancellationToken.None);
        if (page.Count == 0)
        {
            break;
        }

        after = page[^1].Sequence;
    }

    Console.WriteLine(FormattableString.Invariant(
        $"index: {index.Count:N0} products loaded from the change feed in {loaded.TotalSeconds:0.0} s (reading the feed alone: {watch.Elapsed.TotalSeconds:0.0} s), {memory / 1048576.0:0} MiB managed heap"));
    var queries = Queries(mix, 7);

    // The costliest queries, one client, after a warm-up pass: what the percentiles are made of.
    static SearchQuery Query(string q) => new(q, null, null, null, null, SearchSort.Relevance, 1, 20);
    foreach (var q in queries)
    {
        index.Search(Query(q));
    }

    var costs = queries.Distinct().Select(q =>
    {
        var t = Stopwatch.GetTimestamp();
        var total = index.Search(Query(q)).Total;
        return (q, total, ms: Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }).OrderByDescending(c => c.ms).ToList();
    Console.WriteLine("index: costliest queries (1 client): " + string.Join(", ",
        costs.Take(8).Select(c => FormattableString.Invariant($"'{c.q}' {c.ms:0.00} ms ({c.total} hits)"))));

    // Type-ahead: every prefix of one to four letters of the query words, as typed.
    var prefixes = CatalogueGenerator.QueryWords.SelectMany(w => Enumerable.Range(1, Math.Min(4, w.Length)).Select(n => w[..n])).Distinct().ToList();
    foreach (var p in prefixes)
    {
        index.Suggest(p, 8);
    }

    var suggestCosts = prefixes.Select(p =>
    {
        var t = Stopwatch.GetTimestamp();
        index.Suggest(p, 8);
        return (p, ms: Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }).OrderBy(c => c.ms).ToList();
    Console.WriteLine(FormattableString.Invariant(
        $"index: suggest over {suggestCosts.Count} prefixes of 1-4 letters (1 client): p50 {suggestCosts[suggestCosts.Count / 2].ms:0.00} ms, costliest ")
        + string.Join(", ", suggestCosts.TakeLast(4).Reverse().Select(c => FormattableString.Invariant($"'{c.p}' {c.ms:0.00} ms"))));
    await RunAsync($"index {mix}", clients, seconds, queries, async q =>
    {
        await Task.Yield(); // each client takes its turn on the thread pool, as requests would
        index.Search(Query(q));
    });
}

static async Task StartAsync(string[] databases)
{
    foreach (var pg in databases)
    {
        await using var dataSource = NpgsqlDataSource.Create(pg);
        await new SchemaMigrator(dataSource, typeof(SearchIndex).Assembly, "search", NullLogger.Instance).MigrateAsync(CancellationToken.None);
        var store = new PostgresSearchStore(dataSource);
        var snapshots = new PostgresIndexSnapshotStore(dataSource);
        SearchIndexFollower Follower(SearchIndex index, PostgresIndexSnapshotStore? from) =>
            new(index, store, Options.Create(new SearchOptions()), NullLogger<SearchIndexFollower>.Instance, from);
        var queries = Queries("one", 7).Concat(Queries("two", 7)).Distinct().ToList();
        List<(long Total, Guid? First)> Answers(SearchIndex index) => queries
            .Select(q => index.Search(new SearchQuery(q, null, null, null, null, SearchSort.Relevance, 1, 20)))
            .Select(r => (r.Total, r.Items.Count > 0 ? r.Items[0].Id : (Guid?)null)).ToList();

        // As a process with no snapshot to start from: the whole change feed.
        List<(long, Guid?)> fromFeed;
        TimeSpan feedLoad;
        long heap;
        int products;
        IndexSnapshotInfo snapshot;
        TimeSpan snapshotWrite;
        {
            using var index = new SearchIndex();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var follower = Follower(index, null);
            await follower.LoadAsync(CancellationToken.None);
            feedLoad = follower.LoadTime!.Value;
            heap = GC.GetTotalMemory(forceFullCollection: true) - before;
            products = index.Count;
            fromFeed = Answers(index);
            var watch = Stopwatch.StartNew();
            snapshot = (await Follower(index, snapshots).WriteSnapshotAsync(CancellationToken.None))!;
            snapshotWrite = watch.Elapsed;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();

        // As the next process: the snapshot, then the feed after its position.
        using var restarted = new SearchIndex();
        var next = Follower(restarted, snapshots);
        await next.LoadAsync(CancellationToken.None);
        var same = Answers(restarted).SequenceEqual(fromFeed) && restarted.Count == products;
        Console.WriteLine(FormattableString.Invariant(
            $"start {new NpgsqlConnectionStringBuilder(pg).Database}: {products:N0} products, {heap / 1048576.0:0} MiB heap; from the change feed {feedLoad.TotalSeconds:0.0} s; snapshot {snapshot.Bytes / 1048576.0:0} MiB written in {snapshotWrite.TotalSeconds:0.0} s; from the snapshot {next.LoadTime!.Value.TotalSeconds:0.0} s ({next.LoadedFrom}); same answers for {queries.Count:N0} queries: {(same ? "yes" : "NO")}"));
    }

    Console.WriteLine($"start: load average {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");
}

static async Task CompareAsync(string pg, int clients, int seconds, int rounds)
{
    await using var dataSource = NpgsqlDataSource.Create(pg);
    var store = new PostgresSearchStore(dataSource);

    // Each index is loaded alone, its heap measured as the growth across the load (feed pages
    // are garbage by then); then both stay loaded for the interleaved runs.
    async Task<(TimeSpan Load, long Heap)> LoadAsync(Action<IReadOnlyList<StoredChange>> apply)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        for (long after = 0; ;)
        {
            var page = await store.ReadChangesAsync(after, SearchIndexFollower.PageSize, CancellationToken.None);
            apply(page);
            if (page.Count < SearchIndexFollower.PageSize)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        var load = watch.Elapsed;
        return (load, GC.GetTotalMemory(forceFullCollection: true) - before);
    }

    using var baseline = new Covacha.Search.Bench.Baseline.SearchIndex();
    var (baselineLoad, baselineHeap) = await LoadAsync(baseline.Apply);
    using var index = new SearchIndex();
    var (indexLoad, indexHeap) = await LoadAsync(index.Apply);
    Console.WriteLine(FormattableString.Invariant(
        $"compare: {index.Count:N0} products; baseline {baselineHeap / 1048576.0:0} MiB heap ({baselineHeap / (double)index.Count:0} B/product), loaded in {baselineLoad.TotalSeconds:0.0} s; compact {indexHeap / 1048576.0:0} MiB ({indexHeap / (double)index.Count:0} B/product), loaded in {indexLoad.TotalSeconds:0.0} s"));

    // Same answers: totals, facets and the first page for every query of both mixes, sorted
    // by relevance and by price, and every 1-4 letter suggestion prefix.
    static SearchQuery Query(string q, SearchSort sort = SearchSort.Relevance) => new(q, null, null, null, null, sort, 1, 20);
    var checkedQueries = 0;
    var differences = new List<string>();
    foreach (var q in Queries("one", 7).Concat(Queries("two", 7)).Distinct())
    {
        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.PriceAsc })
        {
            var (a, b) = (baseline.Search(Query(q, sort)), index.Search(Query(q, sort)));
            checkedQueries++;
            if (a.Total != b.Total || !a.CategoryCounts.OrderBy(c => c.Key).SequenceEqual(b.CategoryCounts.OrderBy(c => c.Key))
                || !a.Items.SequenceEqual(b.Items))
            {
                differences.Add($"{q} ({sort})");
            }
        }
    }

    var prefixes = CatalogueGenerator.QueryWords.SelectMany(w => Enumerable.Range(1, Math.Min(4, w.Length)).Select(n => w[..n])).Distinct().ToList();
    foreach (var p in prefixes)
    {
        checkedQueries++;
        if (!baseline.Suggest(p, 8).SequenceEqual(index.Suggest(p, 8)))
        {
            differences.Add($"suggest {p}");
        }
    }

    Console.WriteLine($"compare: {checkedQueries} queries checked, {differences.Count} with different results{(differences.Count > 0 ? ": " + string.Join(", ", differences.Take(10)) : "")}");

    // Query cost, one caller: the costliest of the distinct queries, each index.
    foreach (var (label, search) in new (string, Func<SearchQuery, StoreSearchResult>)[] { ("baseline", baseline.Search), ("compact", index.Search) })
    {
        var costs = Queries("one", 7).Distinct().Select(q =>
        {
            var t = Stopwatch.GetTimestamp();
            search(Query(q));
            return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }).Order().ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"compare: {label} one-word cost (1 caller, {costs.Count} queries): p50 {costs[costs.Count / 2]:0.000} ms, max {costs[^1]:0.000} ms"));
    }

    // Throughput: old and new alternate, so both see the same machine; medians of the rounds.
    foreach (var mix in new[] { "one", "two" })
    {
        var queries = Queries(mix, 7);
        var results = new Dictionary<string, List<double>> { ["baseline"] = [], ["compact"] = [] };
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? new[] { "baseline", "compact" } : ["compact", "baseline"];
            foreach (var label in order)
            {
                Func<SearchQuery, StoreSearchResult> search = label == "baseline" ? baseline.Search : index.Search;
                var rps = await RunAsync($"{label} {mix}", clients, seconds, queries, async q =>
                {
                    await Task.Yield();
                    search(Query(q));
                });
                results[label].Add(rps);
            }
        }

        double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        var (old, now) = (Median(results["baseline"]), Median(results["compact"]));
        Console.WriteLine(FormattableString.Invariant(
            $"compare: {mix} word(s), {clients} callers, median of {rounds}: baseline {old:0} req/s, compact {now:0} req/s ({(now / old - 1) * 100:+0.0;-0.0} %)"));
    }

    Console.WriteLine($"compare: load average {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");
}

static void Decode()
{
    var generator = new CatalogueGenerator(seed: 42);
    var texts = Enumerable.Range(0, 20000).Select(_ => generator.Next(DateTimeOffset.UtcNow).Description).ToList();
    var dictionary = new TextDictionary();
    var writer = new System.Buffers.ArrayBufferWriter<byte>();
    var encoded = texts.Select(t => { writer.ResetWrittenCount(); dictionary.Encode(t, writer); return writer.WrittenSpan.ToArray(); }).ToList();
    for (var round = 0; round < 3; round++)
    {
        var t0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var chars = 0L;
        for (var rep = 0; rep < 10; rep++)
        {
            foreach (var e in encoded)
            {
                var p = 0;
                chars += dictionary.Decode(e, ref p)!.Length;
            }
        }

        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - t0;
        var t1 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        for (var rep = 0; rep < 10; rep++)
        {
            foreach (var t in texts)
            {
                chars += new string(t.AsSpan()).Length;
            }
        }

        var copy = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - t1;
        Console.WriteLine($"decode: {cpu.TotalMilliseconds * 1000 / encoded.Count / 10:0.000} us per description ({encoded.Average(e => e.Length):0} bytes, {texts.Average(t => t.Length):0} chars); plain copy {copy.TotalMilliseconds * 1000 / encoded.Count / 10:0.000} us; {chars}");
    }
}

static void Fold(int count)
{
    var generator = new CatalogueGenerator(seed: 42);
    var texts = Enumerable.Range(0, count).Select(_ => generator.Next(DateTimeOffset.UtcNow).Description).ToList();
    double Median(Func<string, string> fold)
    {
        var runs = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var t = Stopwatch.GetTimestamp();
            foreach (var text in texts)
            {
                fold(text);
            }

            runs.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds * 1000 / texts.Count);
        }

        return runs.Order().ElementAt(2);
    }

    // Alternated, so both see the same machine.
    var decomposing = Median(TextFolding.FoldByDecomposing);
    var table = Median(t => TextFolding.Fold(t));
    var decomposingAgain = Median(TextFolding.FoldByDecomposing);
    var snippet = Median(t => TextFolding.Snippet(t, ["negro"]));
    Console.WriteLine(FormattableString.Invariant(
        $"fold: {count:N0} descriptions (avg {texts.Average(t => t.Length):0} chars), median of 5 passes: table {table:0.00} µs, decomposing {decomposing:0.00} / {decomposingAgain:0.00} µs (ratio {(decomposing + decomposingAgain) / 2 / table:0.0}x); snippet {snippet:0.00} µs"));
}

static async Task<double> RunAsync(string label, int clients, int seconds, List<string> queries, Func<string, Task> run)
{
    // Warm-up, then a timed run; every client walks the same query list from its own offset.
    foreach (var q in queries.Take(200))
    {
        await run(q);
    }

    var latencies = new List<double>[clients];
    var deadline = Stopwatch.StartNew();
    var duration = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        var mine = latencies[c] = [];
        for (var i = c * 97; deadline.Elapsed < duration; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await run(queries[i % queries.Count]);
            mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToList();
    double P(double p) => all[Math.Min(all.Count - 1, (int)(p * all.Count))];
    Console.WriteLine(FormattableString.Invariant(
        $"{label}: clients={clients} requests={all.Count} rps={all.Count / deadline.Elapsed.TotalSeconds:0} p50={P(0.50):0.0} ms p95={P(0.95):0.0} ms p99={P(0.99):0.0} ms max={all[^1]:0.0} ms"));
    return all.Count / deadline.Elapsed.TotalSeconds;
}

static async Task PublishAsync(string amqp, int count)
{
    var factory = new ConnectionFactory { Uri = new Uri(amqp) };
    await using var connection = await factory.CreateConnectionAsync();
    await using var setup = await connection.CreateChannelAsync();
    await Covacha.Shared.Messaging.ProductEventsTopology.DeclareAsync(setup, CancellationToken.None);
    await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
    var generator = new CatalogueGenerator(seed: 7);
    var watch = Stopwatch.StartNew();
    const int window = 500;
    for (var done = 0; done < count; done += window)
    {
        await Task.WhenAll(Enumerable.Range(0, Math.Min(window, count - done)).Select(async _ =>
        {
            var p = generator.Next(DateTimeOffset.UtcNow);
            var evt = new ProductEvent(Guid.NewGuid(), ProductEvents.Created, p.Id, 1, DateTimeOffset.UtcNow, p);
            await channel.BasicPublishAsync(ProductEvents.Exchange, ProductEvents.Created, false,
                new BasicProperties { Persistent = true }, JsonSerializer.SerializeToUtf8Bytes(evt, EventJsonContext.Default.ProductEvent));
        }));
    }

    Console.WriteLine($"published {count:N0} events in {watch.Elapsed.TotalSeconds:0.0} s");
}

static async Task RateAsync(string pg)
{
    await using var dataSource = NpgsqlDataSource.Create(pg);
    await using var command = dataSource.CreateCommand(
        "SELECT count(*), extract(epoch FROM max(indexed_at) - min(indexed_at)) FROM products");
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    var count = reader.GetInt64(0);
    var seconds = reader.GetDouble(1);
    Console.WriteLine(FormattableString.Invariant($"indexed {count:N0} events in {seconds:0.00} s = {count / seconds:0} events/s"));
}

static async Task FreshnessAsync(string baseUrl, string amqp, int samples)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var factory = new ConnectionFactory { Uri = new Uri(amqp) };
    await using var connection = await factory.CreateConnectionAsync();
    await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
    var generator = new CatalogueGenerator(seed: 99);
    var latencies = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        var word = "fresh" + Guid.NewGuid().ToString("N")[..10];
        var p = generator.Next(DateTimeOffset.UtcNow) with { Name = "Fresh " + word };
        var evt = new ProductEvent(Guid.NewGuid(), ProductEvents.Created, p.Id, 1, DateTimeOffset.UtcNow, p);
        var watch = Stopwatch.StartNew();
        await channel.BasicPublishAsync(ProductEvents.Exchange, ProductEvents.Created, false,
            new BasicProperties { Persistent = true }, JsonSerializer.SerializeToUtf8Bytes(evt, EventJsonContext.Default.ProductEvent));
        while (true)
        {
            var result = await http.GetFromJsonAsync(new Uri("/api/search?pageSize=1&q=" + word, UriKind.Relative), SearchJsonContext.Default.SearchResponse);
            if (result!.Total > 0)
            {
                break;
            }

            await Task.Delay(2);
        }

        latencies.Add(watch.Elapsed.TotalMilliseconds);
        await Task.Delay(50);
    }

    latencies.Sort();
    double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
    Console.WriteLine(FormattableString.Invariant($"freshness: samples={samples} p50={P(0.5):0} ms p99={P(0.99):0} ms max={latencies[^1]:0} ms"));
}
