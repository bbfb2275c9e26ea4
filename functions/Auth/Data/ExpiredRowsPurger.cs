using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Data;

/// <summary>
/// Deletes refresh tokens a day past expiry and throttle windows that have ended, hourly.
/// Several replicas may run it; the deletes are idempotent.
/// </summary>
public sealed class ExpiredRowsPurger(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, ILogger<ExpiredRowsPurger> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<(int RefreshTokens, int ThrottleWindows)> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var tokens = dataSource.CreateCommand("DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'");
        var purgedTokens = await tokens.ExecuteNonQueryAsync(cancellationToken);
        await using var windows = dataSource.CreateCommand(
            "DELETE FROM login_throttle WHERE window_started_at < now() - make_interval(secs => $1)");
        windows.Parameters.AddWithValue((double)options.Value.Throttle.WindowSeconds);
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
