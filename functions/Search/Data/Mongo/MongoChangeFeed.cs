using Covacha.Search.Model;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Covacha.Search.Data.Mongo;

/// <summary>
/// The MongoDB read model's writes as an <see cref="IChangeFeed"/>: a snapshot (every product
/// document, in <c>_id</c> order, page by page), then the collection's change stream, which was
/// opened before the snapshot began so nothing written meanwhile is missed. Sequence numbers are
/// this process's own, counted from 1 as changes are handed out.
/// </summary>
/// <remarks>
/// <para>Applied by version: a stream event that reached the snapshot's read already (the snapshot
/// read that product at the same or a newer version) is dropped, until the stream has caught up with
/// the present; after that events arrive in commit order and each carries the document as it is.</para>
/// <para>The stream's resume token is kept after every event and batch: a broken stream is reopened
/// from it. When the token is lost (the oplog no longer reaches it) the feed starts over from a
/// new snapshot; the store keeps tombstones for deleted products, so the second pass brings the
/// index to exactly the read model's state.</para>
/// <para>A checkpoint (for an index snapshot) is the resume token as of the last change handed
/// out, given only once the snapshot has been read whole and the stream has caught up with it: a
/// process that loads the index snapshot opens the stream from that token and numbers on from the
/// snapshot's position, reading nothing twice. If the token is lost by then, it reads the whole
/// collection over the loaded snapshot, which converges the same way.</para>
/// <para>Change streams need a replica set (the AKS StatefulSet runs <c>rs0</c>).</para>
/// </remarks>
public sealed class MongoChangeFeed(IMongoDatabase database, ILogger<MongoChangeFeed> logger) : IChangeFeed, IDisposable
{
    /// <summary>How long the server waits for new events before answering an empty batch.</summary>
    public static readonly TimeSpan MaxAwait = TimeSpan.FromMilliseconds(50);

    /// <summary>Server error codes that mean the resume token can never be used again.</summary>
    private static readonly HashSet<int> TokenLost = [260 /* InvalidResumeToken */, 280 /* ChangeStreamFatalError */, 286 /* ChangeStreamHistoryLost */];

    private readonly IMongoCollection<BsonDocument> _products = database.GetCollection<BsonDocument>("products")
        .WithReadConcern(ReadConcern.Majority);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<ChangeStreamDocument<BsonDocument>> _buffered = new();
    private IChangeStreamCursor<ChangeStreamDocument<BsonDocument>>? _stream;
    private BsonDocument? _resumeToken;

    /// <summary>Whether a snapshot was started, or the stream was set to resume from a checkpoint.</summary>
    private bool _started;
    private bool _scanning;
    private BsonValue? _scannedUpTo;

    /// <summary>Versions the snapshot handed out, while stream events may still predate them.</summary>
    private Dictionary<Guid, long>? _snapshotVersions;

    private long _sequence;

    /// <summary>The resume token the stream would continue from (null before the first snapshot).</summary>
    public BsonDocument? ResumeToken => _resumeToken;

    /// <summary>
    /// Times the whole collection was read: 1 after a first load, 0 after resuming from an index
    /// snapshot's checkpoint, one more each time a token was lost.
    /// </summary>
    public int Snapshots { get; private set; }

    public async Task<IReadOnlyList<StoredChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_started || after != _sequence)
            {
                // A follower starting from nothing (or one that lost track, or loaded an index
                // snapshot whose checkpoint cannot be used): everything again, numbered on from
                // where the follower or the sequence is (a follower's position never goes back).
                _sequence = Math.Max(_sequence, after);
                await StartSnapshotAsync(cancellationToken);
            }

            var changes = new List<StoredChange>(Math.Min(limit, 1_024));
            while (changes.Count < limit)
            {
                if (_scanning)
                {
                    await ScanAsync(changes, limit, cancellationToken);
                }
                else if (!await FollowStreamAsync(changes, limit, cancellationToken))
                {
                    break;
                }
            }

            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<byte[]?> CheckpointAsync(long position, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // While the collection is read, or the stream has not yet caught up with that read,
            // the token does not stand for everything up to the position.
            return _started && !_scanning && _snapshotVersions is null && position == _sequence && _resumeToken is not null
                ? _resumeToken.ToBson()
                : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void ResumeFrom(long position, byte[]? checkpoint)
    {
        _gate.Wait();
        try
        {
            _stream?.Dispose();
            _stream = null;
            _buffered.Clear();
            (_scanning, _scannedUpTo, _snapshotVersions) = (false, null, null);
            _sequence = position;
            _resumeToken = Token(checkpoint);
            _started = _resumeToken is not null;
            if (!_started)
            {
                logger.LogWarning("Index snapshot at change {Position} has no usable MongoDB resume token; the collection is read again over it", position);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _gate.Dispose();
    }

    /// <summary>Opens a new stream at the present, then starts reading every document.</summary>
    private async Task StartSnapshotAsync(CancellationToken cancellationToken)
    {
        _stream?.Dispose();
        _stream = null;
        _buffered.Clear();
        _stream = await _products.WatchAsync(Options(resumeAfter: null), cancellationToken);
        _resumeToken = _stream.GetResumeToken();
        (_started, _scanning, _scannedUpTo, _snapshotVersions) = (true, true, null, []);
        Snapshots++;
        if (Snapshots > 1)
        {
            logger.LogWarning("MongoDB change feed starts over from a snapshot of the read model (snapshot {Count})", Snapshots);
        }
    }

    private async Task ScanAsync(List<StoredChange> changes, int limit, CancellationToken cancellationToken)
    {
        var filter = _scannedUpTo is null ? Builders<BsonDocument>.Filter.Empty : Builders<BsonDocument>.Filter.Gt("_id", _scannedUpTo);
        var page = await _products.Find(filter).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).Limit(limit - changes.Count)
            .ToListAsync(cancellationToken);
        foreach (var document in page)
        {
            var change = ToChange(document);
            _snapshotVersions![change.ProductId] = change.Version;
            changes.Add(change with { Sequence = ++_sequence });
            _scannedUpTo = document["_id"];
        }

        if (changes.Count < limit)
        {
            _scanning = false;
        }
    }

    /// <summary>
    /// Adds stream events up to <paramref name="limit"/>. False when the stream has nothing more
    /// right now; true when the limit was reached or the feed started over (then the snapshot goes on).
    /// </summary>
    private async Task<bool> FollowStreamAsync(List<StoredChange> changes, int limit, CancellationToken cancellationToken)
    {
        while (changes.Count < limit)
        {
            if (_buffered.Count == 0)
            {
                var next = await NextBatchAsync(cancellationToken);
                if (next == Batch.CaughtUp)
                {
                    // Caught up with the present: every event that could predate the snapshot's
                    // reads has been seen.
                    _snapshotVersions = null;
                    return false;
                }

                if (next == Batch.StartedOver)
                {
                    return true;
                }

                continue;
            }

            var change = _buffered.Dequeue();
            _resumeToken = change.ResumeToken;
            if (FromEvent(change) is { } stored && !Stale(stored))
            {
                changes.Add(stored with { Sequence = ++_sequence });
            }

            if (_buffered.Count == 0)
            {
                // The batch's own token may be past its last event (the server's post-batch token).
                _resumeToken = _stream?.GetResumeToken() ?? _resumeToken;
            }
        }

        return true;
    }

    /// <summary>Reads the next batch of events into the buffer.</summary>
    private async Task<Batch> NextBatchAsync(CancellationToken cancellationToken)
    {
        if (_stream is null)
        {
            try
            {
                _stream = await _products.WatchAsync(Options(_resumeToken), cancellationToken);
            }
            catch (MongoCommandException ex) when (_resumeToken is not null)
            {
                // The server answered, so it is the token it refuses (gone from the oplog, or not one of its own).
                logger.LogWarning(ex, "MongoDB change stream cannot resume from its token");
                await StartSnapshotAsync(cancellationToken);
                return Batch.StartedOver;
            }
        }

        try
        {
            if (!await _stream.MoveNextAsync(cancellationToken))
            {
                _stream.Dispose();
                _stream = null;
                return Batch.CaughtUp;
            }

            foreach (var change in _stream.Current)
            {
                _buffered.Enqueue(change);
            }

            if (_buffered.Count == 0)
            {
                _resumeToken = _stream.GetResumeToken() ?? _resumeToken;
                return Batch.CaughtUp;
            }

            return Batch.Events;
        }
        catch (MongoCommandException ex) when (TokenLost.Contains(ex.Code))
        {
            logger.LogWarning(ex, "MongoDB change stream cannot resume from its token");
            await StartSnapshotAsync(cancellationToken);
            return Batch.StartedOver;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reopened from the kept token on the next read (the driver already retried once).
            _stream?.Dispose();
            _stream = null;
            throw;
        }
    }

    /// <summary>Makes the stream resume from <paramref name="token"/> on its next read (tests: a token the server no longer has).</summary>
    internal void ResumeFrom(BsonDocument token)
    {
        _stream?.Dispose();
        _stream = null;
        _buffered.Clear();
        _resumeToken = token;
    }

    /// <summary>The resume token a checkpoint holds, or null when it holds none that can be read.</summary>
    private static BsonDocument? Token(byte[]? checkpoint)
    {
        if (checkpoint is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            var token = BsonSerializer.Deserialize<BsonDocument>(checkpoint);
            return token.ElementCount > 0 ? token : null;
        }
        catch (Exception)
        {
            // Damaged bytes: as good as no checkpoint (the collection is read again).
            return null;
        }
    }

    private ChangeStreamOptions Options(BsonDocument? resumeAfter) => new()
    {
        FullDocument = ChangeStreamFullDocumentOption.UpdateLookup,
        MaxAwaitTime = MaxAwait,
        ResumeAfter = resumeAfter,
    };

    /// <summary>A stream event older than (or as old as) what the snapshot already handed out for its product.</summary>
    private bool Stale(StoredChange change) =>
        _snapshotVersions is not null && _snapshotVersions.TryGetValue(change.ProductId, out var seen) && change.Version <= seen;

    private StoredChange? FromEvent(ChangeStreamDocument<BsonDocument> change)
    {
        switch (change.OperationType)
        {
            case ChangeStreamOperationType.Insert:
            case ChangeStreamOperationType.Replace:
            case ChangeStreamOperationType.Update:
                // An update looked up after the document was removed has no document: nothing to apply.
                return change.FullDocument is null ? null : ToChange(change.FullDocument);
            case ChangeStreamOperationType.Delete:
                // The store keeps tombstones; a document removed by hand is gone for good.
                return new StoredChange(0, MongoDocuments.Id(change.DocumentKey["_id"]), long.MaxValue, null, DateTimeOffset.UnixEpoch);
            default:
                // Drop, rename, invalidate: the collection itself went away.
                logger.LogWarning("MongoDB change stream reports {Operation} on the products collection; restart search-api to reload", change.OperationType);
                return null;
        }
    }

    private StoredChange ToChange(BsonDocument document)
    {
        var id = MongoDocuments.Id(document["_id"]);
        var product = document["deleted"].AsBoolean ? null : MongoDocuments.ToStoredProduct(document);
        return new StoredChange(0, id, document["version"].ToInt64(), product,
            new DateTimeOffset(document["createdAt"].ToUniversalTime(), TimeSpan.Zero));
    }

    private enum Batch
    {
        Events,
        CaughtUp,
        StartedOver,
    }
}
