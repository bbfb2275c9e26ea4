using System.Diagnostics;
using Covacha.Search.Data;
using Covacha.Search.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Covacha.Search.Index;

/// <summary>
/// Keeps this process's <see cref="SearchIndex"/> in step with the read model: at start-up it
/// loads the newest snapshot (when there is a usable one) and reads the change feed from the
/// snapshot's position, or the whole feed otherwise; then it polls the feed, and now and then
/// writes a snapshot for the next process to start from. Writers in the same process (the
/// consumer, a reindex) catch it up themselves right after their write, so they read what they wrote.
/// </summary>
public sealed class SearchIndexFollower(
    SearchIndex index, IChangeFeed feed, IOptions<SearchOptions> options, ILogger<SearchIndexFollower> logger,
    IIndexSnapshotStore? snapshots = null) : BackgroundService
{
    public const int PageSize = 5_000;

    /// <summary>How often the follower asks whether a snapshot is due (one small query).</summary>
    private static readonly TimeSpan SnapshotCheckInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _loaded;
    private bool _snapshotTried;
    private long _nextSnapshotCheck;

    /// <summary>The newest snapshot when this process found it unusable (damaged): it is replaced without waiting for the interval.</summary>
    private long? _unusableSnapshot;

    /// <summary>True once the whole feed has been read once: from then on searches are served from memory.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>Where the index came from at start-up: <c>snapshot</c> (then the feed after it) or <c>feed</c>; null while loading.</summary>
    public string? LoadedFrom { get; private set; }

    /// <summary>How long the start-up load took, snapshot and feed together.</summary>
    public TimeSpan? LoadTime { get; private set; }

    /// <summary>
    /// The first load: the newest usable snapshot, then every change after it. A snapshot that is
    /// damaged or unreadable is logged and passed over (the whole feed is read instead); one of
    /// another format is never chosen.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_snapshotTried && snapshots is not null)
        {
            await _gate.WaitAsync(cancellationToken);
            _snapshotTried = true;
            try
            {
                var latest = await snapshots.LatestAsync(SearchIndex.SnapshotFormat, cancellationToken);
                if (latest is not null)
                {
                    try
                    {
                        await snapshots.ReadAsync(latest, stream => index.LoadSnapshot(stream, latest.Bytes), cancellationToken);
                        feed.ResumeFrom(index.Position, latest.Checkpoint);
                        LoadedFrom = "snapshot";
                        logger.LogInformation("Search index read from snapshot {SnapshotId}: {Count} products up to change {Position}, {Bytes} bytes, in {Ms} ms",
                            latest.Id, index.Count, index.Position, latest.Bytes, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    catch (InvalidDataException ex)
                    {
                        _unusableSnapshot = latest.Id;
                        logger.LogWarning(ex, "Search index snapshot {SnapshotId} is unusable; loading from the change feed instead", latest.Id);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A snapshot only saves time: whatever keeps it from being read, the feed has it all.
                logger.LogWarning(ex, "Search index snapshots cannot be read; loading from the change feed instead");
            }
            finally
            {
                _gate.Release();
            }
        }

        await CatchUpAsync(cancellationToken);
        LoadedFrom ??= "feed";
        LoadTime ??= Stopwatch.GetElapsedTime(started);
    }

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
            LoadedFrom ??= "feed";
            _loaded = true;
            logger.LogInformation("Search index loaded: {Count} products up to change {Position}", index.Count, index.Position);
        }
    }

    /// <summary>
    /// Writes a snapshot of the index as it is now, with the feed's checkpoint for its position.
    /// Changes wait meanwhile (searches do not), so the snapshot is exactly the feed up to its
    /// position. Null when there is no snapshot store, the feed cannot give a checkpoint yet (it is
    /// still reading the whole read model: a snapshot then would not cover the rest), or another
    /// process is writing one.
    /// </summary>
    public async Task<IndexSnapshotInfo?> WriteSnapshotAsync(CancellationToken cancellationToken)
    {
        if (snapshots is null)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var position = index.Position;
            var checkpoint = await feed.CheckpointAsync(position, cancellationToken);
            if (checkpoint is null)
            {
                logger.LogInformation("Search index snapshot not written: the change feed cannot resume from change {Position} yet", position);
                return null;
            }

            var written = await snapshots.SaveAsync(SearchIndex.SnapshotFormat, checkpoint, stream =>
            {
                var covered = index.WriteSnapshot(stream);
                return covered.Position == position
                    ? covered
                    : throw new InvalidOperationException($"The index moved from change {position} to {covered.Position} while its snapshot was written.");
            }, cancellationToken);
            if (written is not null)
            {
                logger.LogInformation("Search index snapshot {SnapshotId} written: {Count} products up to change {Position}, {Bytes} bytes, in {Ms} ms",
                    written.Id, written.Products, written.Position, written.Bytes, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return written;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Writes a snapshot when the index is far enough past the newest one, and that one is old
    /// enough. A newest snapshot this process found unusable counts as none.
    /// </summary>
    private async Task SnapshotIfDueAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.SnapshotEveryChanges;
        if (snapshots is null || every == 0 || Environment.TickCount64 < _nextSnapshotCheck)
        {
            return;
        }

        _nextSnapshotCheck = Environment.TickCount64 + (long)SnapshotCheckInterval.TotalMilliseconds;
        var latest = await snapshots.LatestAsync(SearchIndex.SnapshotFormat, cancellationToken);
        if (latest is not null && latest.Id == _unusableSnapshot)
        {
            // Every process starting now would read the whole feed: as good as no snapshot.
            latest = null;
        }

        if (index.Position - (latest?.Position ?? 0) < every
            || (latest is not null && latest.Age < TimeSpan.FromSeconds(options.Value.SnapshotMinimumIntervalSeconds)))
        {
            return;
        }

        await WriteSnapshotAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.IndexPollMilliseconds);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_loaded)
                {
                    await CatchUpAsync(stoppingToken);
                    await SnapshotIfDueAsync(stoppingToken);
                }
                else
                {
                    await LoadAsync(stoppingToken);
                }

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
