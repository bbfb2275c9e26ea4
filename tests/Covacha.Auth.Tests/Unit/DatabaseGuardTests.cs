using System.Net.Sockets;
using Covacha.Auth.Data;
using Covacha.Auth.Functions;
using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Auth.Tests.Unit;

public sealed class DatabaseGuardTests
{
    [Fact]
    public async Task RunAsync_DatabaseUnreachable_ServiceUnavailableWithRetryAfter()
    {
        var result = await DatabaseGuard.RunAsync<NoContent>(
            () => throw new NpgsqlException("connect failed", new SocketException()), NullLogger.Instance, CancellationToken.None);

        var problem = Assert.IsType<ApiProblem>(result.Result);
        Assert.Equal(503, problem.Status);
        Assert.NotNull(problem.RetryAfter);
    }

    [Fact]
    public async Task RunAsync_NonTransientServerError_Rethrown()
    {
        await Assert.ThrowsAsync<PostgresException>(() => DatabaseGuard.RunAsync<NoContent>(
            () => throw new PostgresException("syntax", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError), NullLogger.Instance, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_Success_PassesResultThrough()
    {
        var result = await DatabaseGuard.RunAsync(
            () => Task.FromResult<Results<NoContent, ApiProblem>>(TypedResults.NoContent()), NullLogger.Instance, CancellationToken.None);

        Assert.IsType<NoContent>(result.Result);
    }

    [Fact]
    public void AccountKey_OverlongEmail_HashedToFixedLength()
    {
        var key = LoginThrottle.AccountKey(new string('a', 70_000));

        Assert.StartsWith("account:sha256:", key, StringComparison.Ordinal);
        Assert.Equal("account:sha256:".Length + 64, key.Length);
        Assert.Equal("account:ana@example.com", LoginThrottle.AccountKey("ana@example.com"));
    }
}
