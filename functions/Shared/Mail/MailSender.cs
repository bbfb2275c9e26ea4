using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Covacha.Shared.Resilience;
using Npgsql;

namespace Covacha.Shared.Mail;

/// <summary>
/// Drains <c>mail_outbox</c> to the SMTP server: claims due mails with a lease (replicas share
/// the work, a crash only delays), deletes each once the server took it, and backs a failure off
/// exponentially (<see cref="Retry"/>: about 5 s, 10 s, 20 s ... at most an hour) up to <see cref="MailOptions.MaxAttempts"/>;
/// a mail the server refuses for good (5xx) or out of attempts is kept with its error, not retried,
/// and counted (<see cref="MailMetrics"/>) so an operator hears of it.
/// </summary>
public sealed class MailSender(
    MailOutbox outbox,
    MailSignal signal,
    IMailTransport transport,
    IOptions<MailOptions> options,
    MailMetrics metrics,
    ILogger<MailSender> logger) : BackgroundService
{
    public const int BatchSize = 20;
    public static readonly Backoff Retry = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never hold up the host's start: the app serves while the mail server is down.
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Reading the mail queue failed; trying again in {Poll}", poll);
            }

            if (sent < BatchSize)
            {
                try
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends one batch of due mail; returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.TimeoutSeconds * 2 + 30);
        var batch = await outbox.ClaimAsync(BatchSize, lease, cancellationToken);
        foreach (var queued in batch)
        {
            try
            {
                await transport.SendAsync(queued.Mail, cancellationToken);
                await outbox.CompleteAsync(queued.Id, cancellationToken);
                metrics.Sent();
            }
            catch (MailDeliveryException ex)
            {
                var giveUp = ex.Permanent || queued.Attempts >= settings.MaxAttempts;
                if (giveUp)
                {
                    logger.LogError(ex, "Mail {MailId} given up after {Attempts} attempts", queued.Id, queued.Attempts);
                    metrics.GivenUp(ex.Permanent);
                }
                else
                {
                    logger.LogWarning(ex, "Mail {MailId} not sent (attempt {Attempts}); trying again later", queued.Id, queued.Attempts);
                }

                await outbox.RetryLaterAsync(queued.Id, giveUp ? null : Retry.Delay(queued.Attempts), ex.Message, cancellationToken);
            }
        }

        return batch.Count;
    }
}
