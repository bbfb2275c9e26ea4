using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>
/// Deletes refresh tokens and sessions a day past their end and throttle windows that have ended, hourly.
/// Several replicas may run it; the deletes are idempotent.
/// </summary>
public sealed class ExpiredRowsPurger(NpgsqlDataSource dataSource, ILogger<ExpiredRowsPurger> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<(int RefreshTokens, int ThrottleWindows)> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var tokens = dataSource.CreateCommand("DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'");
        var purgedTokens = await tokens.ExecuteNonQueryAsync(cancellationToken);
        // Sessions past their absolute end, or revoked, a day ago (their tokens go with them).
        await using var families = dataSource.CreateCommand(
            "DELETE FROM refresh_families WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'");
        await families.ExecuteNonQueryAsync(cancellationToken);
        await using var windows = dataSource.CreateCommand("DELETE FROM throttle WHERE window_ends_at < now()");
        var purgedWindows = await windows.ExecuteNonQueryAsync(cancellationToken);
        return (purgedTokens, purgedWindows);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (tokens, windows) = await PurgeAsync(stoppingToken);
                logger.LogInformation("Purged {RefreshTokens} expired refresh tokens and {ThrottleWindows} ended throttle windows", tokens, windows);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Purging expired auth rows failed; trying again in {Interval}", Interval);
            }
        }
    }
}
