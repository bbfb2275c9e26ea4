// Times Covacha's password hash (Argon2id, m=19 MiB, t=2, p=1) on this machine.
// Usage: dotnet run -c Release --project bench/PasswordHashing -- [samples] [threads]
using System.Diagnostics;
using System.Globalization;
using Covacha.Auth.Security;

var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;

// Warm-up: JIT and the first 19 MiB allocation.
var encoded = PasswordHasher.HashCore("warm-up password");
PasswordHasher.VerifyCore("warm-up password", encoded);

var single = new List<double>();
for (var i = 0; i < samples; i++)
{
    var watch = Stopwatch.StartNew();
    PasswordHasher.HashCore("benchmark password " + i);
    single.Add(watch.Elapsed.TotalMilliseconds);
}

var verify = new List<double>();
for (var i = 0; i < samples; i++)
{
    var watch = Stopwatch.StartNew();
    PasswordHasher.VerifyCore("benchmark password", encoded);
    verify.Add(watch.Elapsed.TotalMilliseconds);
}

// Throughput with one hash per thread, as the HashingGate allows in the service.
var total = Stopwatch.StartNew();
var perThread = Math.Max(1, samples / threads);
Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
{
    for (var i = 0; i < perThread; i++)
    {
        PasswordHasher.HashCore("parallel password " + t + i);
    }
});
var rate = threads * perThread / total.Elapsed.TotalSeconds;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"""
    Argon2id m={PasswordHasher.MemoryKib} KiB t={PasswordHasher.Iterations} p={PasswordHasher.Parallelism}, {Environment.ProcessorCount} processors, .NET {Environment.Version}
    hash   (n={samples}): median {Median(single):F1} ms, p90 {Percentile(single, 0.9):F1} ms, min {single.Min():F1} ms
    verify (n={samples}): median {Median(verify):F1} ms, p90 {Percentile(verify, 0.9):F1} ms
    {threads} threads in parallel: {rate:F1} hashes/s
    """));

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}
