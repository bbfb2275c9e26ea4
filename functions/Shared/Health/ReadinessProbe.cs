using System.Diagnostics;
using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Covacha.Shared.Health;

/// <summary>
/// Runs every registered <see cref="IReadinessCheck"/> in parallel, each bounded by a timeout,
/// and answers 200 with the details or 503 with <c>Retry-After</c>.
/// </summary>
public sealed class ReadinessProbe(IEnumerable<IReadinessCheck> checks, ILogger<ReadinessProbe> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<ReadinessReport> RunAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(checks.Select(c => RunOneAsync(c, cancellationToken)));
        var ready = results.All(r => r.Status == "healthy");
        return new ReadinessReport(ready ? "ready" : "unavailable", results.ToDictionary(r => r.Name, r => r.Result));
    }

    public async Task<IResult> RespondAsync(CancellationToken cancellationToken)
    {
        var report = await RunAsync(cancellationToken);
        return new ReadinessResponse(report);
    }

    private async Task<(string Name, string Status, CheckResult Result)> RunOneAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var outcome = await check.CheckAsync(timeout.Token).WaitAsync(timeout.Token);
            var status = outcome.Healthy ? "healthy" : "unhealthy";
            return (check.Name, status, new CheckResult(status, watch.ElapsedMilliseconds, outcome.Detail, outcome.Data));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The answer is public (probes, the gateway): name the dependency, never the exception,
            // whose message carries host names and addresses. The log has the exception.
            var detail = ex is OperationCanceledException
                ? $"{check.Name} did not answer within {Timeout.TotalSeconds:0} s."
                : $"{check.Name} is not reachable.";
            logger.LogWarning(ex, "Readiness check {Check} failed", check.Name);
            return (check.Name, "unhealthy", new CheckResult("unhealthy", watch.ElapsedMilliseconds, detail, null));
        }
    }

    private sealed class ReadinessResponse(ReadinessReport report) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => report.Status == "ready" ? 200 : 503;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCode!.Value;
            response.Headers.CacheControl = "no-store";
            if (report.Status != "ready")
            {
                response.Headers.RetryAfter = "5";
            }

            response.ContentType = "application/json";
            await System.Text.Json.JsonSerializer.SerializeAsync(
                response.Body, report, SharedJsonContext.Default.ReadinessReport, httpContext.RequestAborted);
        }
    }
}

public sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, CheckResult> Checks);

public sealed record CheckResult(string Status, long DurationMs, string? Detail, IReadOnlyDictionary<string, object>? Data);

public sealed record LivenessReport(string Status, string Service);
