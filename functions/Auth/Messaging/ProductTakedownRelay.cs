using Covacha.Shared.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Messaging;

/// <summary>
/// Delivers the deletions recorded in <c>product_takedowns</c> to Products
/// (<c>POST /api/products/owners/{id}/takedown</c> with the service key) and deletes each row
/// once Products answered 2xx. Products down or failing: the row stays and is retried with
/// back-off, so a deleted account's products always leave. The call is idempotent.
/// </summary>
public sealed class ProductTakedownRelay(
    NpgsqlDataSource dataSource,
    IHttpClientFactory httpClients,
    TakedownSignal signal,
    IOptions<AuthOptions> options,
    ILogger<ProductTakedownRelay> logger) : BackgroundService
{
    public const string HttpClientName = nameof(ProductTakedownRelay);
    public const string ServiceKeyHeader = "X-Covacha-Service-Key";
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    /// <summary>Between attempts for one account while Products is down or failing: about 5 s, 10 s, 20 s … an hour.</summary>
    public static readonly Backoff Retry = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Reading pending product takedowns failed; trying again in {Poll}", Poll);
            }

            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers every due takedown once; returns how many Products confirmed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = new List<(Guid UserId, int Attempts)>();
        await using (var claim = dataSource.CreateCommand(
            """
            UPDATE product_takedowns SET attempts = attempts + 1, next_attempt_at = now() + interval '2 minutes'
            WHERE user_id IN (SELECT user_id FROM product_takedowns WHERE next_attempt_at <= now()
                              ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
            RETURNING user_id, attempts
            """))
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add((reader.GetGuid(0), reader.GetInt32(1)));
            }
        }

        var delivered = 0;
        foreach (var (userId, attempts) in due)
        {
            var error = await CallProductsAsync(userId, cancellationToken);
            if (error is null)
            {
                await using var done = dataSource.CreateCommand("DELETE FROM product_takedowns WHERE user_id = $1");
                done.Parameters.AddWithValue(userId);
                await done.ExecuteNonQueryAsync(cancellationToken);
                delivered++;
                logger.LogInformation("Products took down the products of deleted account {UserId}", userId);
                continue;
            }

            var delay = Retry.Delay(attempts);
            logger.LogWarning("Taking down the products of deleted account {UserId} failed (attempt {Attempts}): {Error}; retrying in {Delay}",
                userId, attempts, error, delay);
            await using var later = dataSource.CreateCommand(
                "UPDATE product_takedowns SET next_attempt_at = now() + make_interval(secs => $2), last_error = left($3, 1000) WHERE user_id = $1");
            later.Parameters.AddWithValue(userId);
            later.Parameters.AddWithValue(delay.TotalSeconds);
            later.Parameters.AddWithValue(error);
            await later.ExecuteNonQueryAsync(cancellationToken);
        }

        return delivered;
    }

    private async Task<string?> CallProductsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.ProductsServiceKey))
        {
            return "Auth:ProductsServiceKey is not configured";
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post,
                new Uri(new Uri(settings.ProductsBaseUrl.TrimEnd('/') + "/"), $"api/products/owners/{userId}/takedown"));
            request.Headers.Add(ServiceKeyHeader, settings.ProductsServiceKey);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"Products answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ex.Message;
        }
    }
}
