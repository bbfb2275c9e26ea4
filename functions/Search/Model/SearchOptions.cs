using System.ComponentModel.DataAnnotations;

namespace Covacha.Search.Model;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";
    public const string PostgresStore = "postgres";
    public const string MongoStore = "mongodb";

    /// <summary><c>postgres</c> (default; local runs and CI) or <c>mongodb</c> (AKS).</summary>
    [RegularExpression("^(postgres|mongodb)$", ErrorMessage = "must be postgres or mongodb")]
    public string Store { get; set; } = PostgresStore;

    /// <summary>Off for the HTTP-only <c>search-api</c> deployment; on for <c>search-indexer</c>.</summary>
    public bool ConsumerEnabled { get; set; } = true;

    /// <summary>
    /// Serve searches from an in-memory index that follows the read model's change feed (the
    /// PostgreSQL feed, or MongoDB's change stream). On for <c>search-api</c>; off for
    /// <c>search-indexer</c>, which only writes.
    /// </summary>
    public bool InMemoryIndex { get; set; } = true;

    /// <summary>How often the in-memory index asks the change feed for new writes made by other processes.</summary>
    [Range(10, 60_000)]
    public int IndexPollMilliseconds { get; set; } = 200;

    /// <summary>
    /// A search-api process writes a snapshot of its index (beside the read model) once the index
    /// is this many changes past the newest snapshot; processes start from the newest snapshot
    /// and read only the changes after it. 0: never write one (they are still read).
    /// </summary>
    [Range(0, int.MaxValue)]
    public int SnapshotEveryChanges { get; set; } = 10_000;

    /// <summary>Snapshots are written at most this often (across all processes: the age of the newest one counts).</summary>
    [Range(0, 86_400)]
    public int SnapshotMinimumIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// The catalogue's currencies (ISO 4217), default first; COP alone when unset. Price filters and
    /// price sorts apply to one of them at a time (the <c>currency</c> parameter, else the first).
    /// </summary>
    public string[]? Currencies { get; set; }

    public IReadOnlyList<string> EffectiveCurrencies => Currencies is { Length: > 0 } configured ? configured : ["COP"];

    [Range(1, 1000)]
    public ushort Prefetch { get; set; } = 30;

    /// <summary>Attempts at applying a message that fails for a reason other than an unreachable store, before it is parked.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Where Products' export is served (reindex).</summary>
    public string? ProductsBaseUrl { get; set; }

    /// <summary>Sent as <c>X-Covacha-Service-Key</c> to Products' export.</summary>
    public string? ProductsServiceKey { get; set; }

    /// <summary>Rows fetched per export page during a reindex.</summary>
    [Range(1, 1000)]
    public int ReindexPageSize { get; set; } = 500;
}
