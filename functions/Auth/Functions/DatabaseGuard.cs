using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Covacha.Auth.Functions;

/// <summary>
/// Turns "PostgreSQL is unreachable or overloaded right now" into 503 with Retry-After, as the
/// design asks of every dependency failure. Anything else still surfaces as a bug.
/// </summary>
public static class DatabaseGuard
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static async Task<Results<TOk, ApiProblem>> RunAsync<TOk>(
        Func<Task<Results<TOk, ApiProblem>>> work, ILogger logger, CancellationToken cancellationToken)
        where TOk : IResult
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The auth database is not reachable");
            return Problems.Unavailable("The account database is not reachable right now.", RetryAfter);
        }
    }

    public static bool IsUnavailable(Exception ex) => ex is NpgsqlException { IsTransient: true } or TimeoutException;
}
