using Covacha.Search.Data;
using Covacha.Search.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Covacha.Search.Index;

/// <summary>
/// Keeps this process's <see cref="SearchIndex"/> in step with the read model: loads it from the
/// change feed at start-up, then polls the feed. Writers in the same process (the consumer, a
/// reindex) catch it up themselves right after their write, so they read what they wrote.
/// </summary>
public sealed class SearchIndexFollower(
    SearchIndex index, IChangeFeed feed, IOptions<SearchOptions> options, ILogger<SearchIndexFollower> logger) : BackgroundService
{
    public const int PageSize = 5_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _loaded;

    /// <summary>True once the whole feed has been read once: from then on searches are served from memory.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>Applies every change the feed has after the index's position.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var changes = await feed.ReadChangesAsync(index.Position, PageSize, cancellationToken);
                index.Apply(changes);
                if (changes.Count < PageSize)
                {
                    break;
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        if (!_loaded)
        {
            _loaded = true;
            logger.LogInformation("Search index loaded: {Count} products up to change {Position}", index.Count, index.Position);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.IndexPollMilliseconds);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Logged once per outage, not once per poll.
                if (!failing)
                {
                    logger.LogWarning(ex, "Search index cannot read the change feed; searches go to the store until it can");
                    failing = true;
                }
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
