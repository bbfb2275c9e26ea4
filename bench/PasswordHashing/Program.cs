// Times Covacha's password hash (Argon2id, m=19 MiB, t=2, p=1) on this machine: the service's
// PasswordHasher (libsodium through NSec) and, for comparison only, the managed Konscious
// implementation it replaced, side by side in one run.
// Usage: dotnet run -c Release --project bench/PasswordHashing -- [samples] [max concurrency]
using System.Diagnostics;
using System.Globalization;
using Covacha.Auth.Security;
using Covacha.Bench.PasswordHashing;

var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var loadAtStart = LoadAverage();

(string Name, Func<string, string> Hash, Func<string, string, bool> Verify)[] implementations =
[
    ("libsodium (NSec), the service", PasswordHasher.HashCore, PasswordHasher.VerifyCore),
    ("Konscious (managed), before", KonsciousArgon2.Hash, KonsciousArgon2.Verify),
];

// Before timing anything: each verifies the other's strings, both ways, and refuses a wrong password.
var fromNSec = PasswordHasher.HashCore("cross-check password");
var fromKonscious = KonsciousArgon2.Hash("cross-check password");
if (!KonsciousArgon2.Verify("cross-check password", fromNSec) || !PasswordHasher.VerifyCore("cross-check password", fromKonscious)
    || KonsciousArgon2.Verify("cross-check passwore", fromNSec) || PasswordHasher.VerifyCore("cross-check passwore", fromKonscious))
{
    Console.Error.WriteLine("The two implementations disagree; no figures.");
    return 1;
}

// Warm-up (JIT, first allocations), then the samples interleaved so load changes on a shared
// machine hit both implementations alike.
var stored = implementations.Select(i => i.Hash("benchmark password")).ToArray();
var hash = implementations.Select(_ => new List<double>()).ToArray();
var verify = implementations.Select(_ => new List<double>()).ToArray();
var allocated = new long[implementations.Length];
for (var n = 0; n < samples; n++)
{
    for (var i = 0; i < implementations.Length; i++)
    {
        // Process-wide: Konscious may fill its blocks on other threads.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        implementations[i].Hash("benchmark password " + n);
        hash[i].Add(watch.Elapsed.TotalMilliseconds);
        allocated[i] += GC.GetTotalAllocatedBytes(precise: true) - before;

        watch.Restart();
        implementations[i].Verify("benchmark password", stored[i]);
        verify[i].Add(watch.Elapsed.TotalMilliseconds);
    }
}

// Throughput with one hash per thread, as the HashingGate allows in the service.
var levels = new[] { 1, concurrency }.Distinct().ToArray();
var rates = new double[implementations.Length, levels.Length];
for (var l = 0; l < levels.Length; l++)
{
    for (var i = 0; i < implementations.Length; i++)
    {
        var threads = levels[l];
        var perThread = Math.Max(1, samples / threads);
        var implementation = implementations[i];
        var total = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var n = 0; n < perThread; n++)
            {
                implementation.Hash("parallel password " + t + n);
            }
        });
        rates[i, l] = threads * perThread / total.Elapsed.TotalSeconds;
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Argon2id m={PasswordHasher.MemoryKib} KiB t={PasswordHasher.Iterations} p={PasswordHasher.Parallelism}, {Environment.ProcessorCount} processors, .NET {Environment.Version}, load average {loadAtStart} at start, {LoadAverage()} at end"));
Console.WriteLine("cross-check: each implementation verifies the other's hashes and refuses a wrong password");
for (var i = 0; i < implementations.Length; i++)
{
    var throughput = string.Join(", ", levels.Select((threads, l) => string.Create(CultureInfo.InvariantCulture, $"{rates[i, l]:F1} hashes/s with {threads} in parallel")));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"""
        {implementations[i].Name}
          hash   (n={samples}): median {Median(hash[i]):F1} ms, p90 {Percentile(hash[i], 0.9):F1} ms, min {hash[i].Min():F1} ms, {allocated[i] / samples / 1024.0 / 1024.0:F1} MiB managed allocation per hash
          verify (n={samples}): median {Median(verify[i]):F1} ms, p90 {Percentile(verify[i], 0.9):F1} ms
          {throughput}
        """));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median hash: Konscious / libsodium = {Median(hash[1]) / Median(hash[0]):F1}x"));
return 0;

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
