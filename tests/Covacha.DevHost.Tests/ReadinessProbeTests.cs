using System.Text.Json;
using Covacha.Shared.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.DevHost.Tests;

/// <summary>Readiness answers are public: they name the failing dependency, never an exception's message.</summary>
public sealed class ReadinessProbeTests
{
    private const string InternalHost = "postgres-products.covacha-internal.invalid";

    [Fact]
    public async Task Ready_DatabaseUnreachable_NamesTheDependencyWithoutTheExceptionMessage()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host={InternalHost};Port=5432;Database=products;Username=u;Password=p;Timeout=1");
        var probe = new ReadinessProbe([new PostgresReadinessCheck(dataSource)], NullLogger<ReadinessProbe>.Instance);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await (await probe.RespondAsync(CancellationToken.None)).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.DoesNotContain(InternalHost, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        var check = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("postgres");
        Assert.Equal("unhealthy", check.GetProperty("status").GetString());
        Assert.StartsWith("postgres ", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_CheckThrowsWithAnInternalAddress_DetailNamesOnlyTheCheck()
    {
        var probe = new ReadinessProbe([new ThrowingCheck()], NullLogger<ReadinessProbe>.Instance);

        var report = await probe.RunAsync(CancellationToken.None);

        var result = report.Checks["broker"];
        Assert.Equal("broker is not reachable.", result.Detail);
    }

    private sealed class ThrowingCheck : IReadinessCheck
    {
        public string Name => "broker";

        public Task<ReadinessOutcome> CheckAsync(CancellationToken cancellationToken) =>
            throw new IOException("Connection refused 10.0.3.17:5671 (rabbit-0.internal)");
    }
}
