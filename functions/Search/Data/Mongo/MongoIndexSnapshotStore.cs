using MongoDB.Bson;
using MongoDB.Driver;

namespace Covacha.Search.Data.Mongo;

/// <summary>
/// Index snapshots beside the MongoDB read model: the bytes in parts of <see cref="PartBytes"/>
/// (<c>index_snapshot_parts</c>), written under a new snapshot id, and one document per snapshot
/// (<c>index_snapshots</c>) inserted only once every part is stored, so a reader only ever finds
/// whole snapshots. One writer at a time holds a lease (<c>index_snapshot_writer</c>) that expires,
/// so a writer that dies mid-write blocks the others for <see cref="LeaseDuration"/> at most; the
/// parts it left are removed by the next writer.
/// </summary>
/// <remarks>
/// <para>The newest snapshot is the one written last (ids come from a counter on the lease), not
/// the one with the highest position: MongoDB's feed numbers changes per process, so positions
/// are comparable only between processes that started from the same snapshot.</para>
/// <para>Both sides stream (a part at a time), so no process holds a whole snapshot in memory. Writes
/// are acknowledged by a majority and reads use majority read concern, so a snapshot found on one
/// member is readable on any other the driver picks.</para>
/// </remarks>
public sealed class MongoIndexSnapshotStore(IMongoDatabase database, TimeProvider time) : IIndexSnapshotStore
{
    /// <summary>Bytes per stored part (documents are limited to 16 MiB).</summary>
    public const int PartBytes = 4 * 1024 * 1024;

    /// <summary>How long a writer's lease lasts without being renewed (it is renewed as parts are written).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>Snapshots of another format (a version being rolled out or back) are kept this long.</summary>
    private static readonly TimeSpan OtherFormatsKept = TimeSpan.FromDays(1);

    private const string WriterId = "writer";

    private readonly IMongoCollection<BsonDocument> _snapshots = Collection(database, "index_snapshots");
    private readonly IMongoCollection<BsonDocument> _parts = Collection(database, "index_snapshot_parts");
    private readonly IMongoCollection<BsonDocument> _writer = Collection(database, "index_snapshot_writer");

    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    /// <summary>The indexes the snapshot collections need (run by the migration Job and at start-up; harmless when they exist).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await _snapshots.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(keys.Ascending("format").Descending("_id")), cancellationToken: cancellationToken);
        await _parts.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(keys.Ascending("snapshot").Ascending("part"), new CreateIndexOptions { Unique = true }),
            cancellationToken: cancellationToken);
    }

    public async Task<IndexSnapshotInfo?> LatestAsync(int format, CancellationToken cancellationToken)
    {
        var newest = await _snapshots.Find(Filter.Eq("format", format))
            .Sort(Builders<BsonDocument>.Sort.Descending("_id"))
            .Limit(1)
            .FirstOrDefaultAsync(cancellationToken);
        return newest is null ? null : Info(newest, time.GetUtcNow().UtcDateTime);
    }

    public Task ReadAsync(IndexSnapshotInfo snapshot, Action<Stream> read, CancellationToken cancellationToken) => Task.Run(() =>
    {
        // The reader parses as it reads (synchronously); the parts come in order, two at a time.
        using var cursor = _parts.Find(Filter.Eq("snapshot", snapshot.Id), new FindOptions { BatchSize = 2 })
            .Sort(Builders<BsonDocument>.Sort.Ascending("part"))
            .ToCursor(cancellationToken);
        using var parts = new PartsReadStream(cursor, snapshot.Bytes, cancellationToken);
        read(parts);
    }, cancellationToken);

    public Task<IndexSnapshotInfo?> SaveAsync(
        int format, byte[] checkpoint, Func<Stream, (long Position, int Products)> write, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var owner = ObjectId.GenerateNewId();
            if (TakeLease(owner, cancellationToken) is not { } id)
            {
                return null;
            }

            try
            {
                IndexSnapshotInfo written;
                try
                {
                    written = Write(id, owner, format, checkpoint, write, cancellationToken);
                }
                catch (LeaseLostException)
                {
                    // Our lease expired and another process took it over: that one writes the snapshot.
                    Abandon(id);
                    return null;
                }
                catch
                {
                    Abandon(id);
                    throw;
                }

                DropOlder(id, format);
                return written;
            }
            finally
            {
                ReleaseLease(owner);
            }
        }, cancellationToken);

    /// <summary>Stores one part as a document, renewing the lease first (a writer that lost it stops here).</summary>
    private void WritePart(long snapshotId, int part, ArraySegment<byte> data, ObjectId owner, CancellationToken cancellationToken)
    {
        RenewLease(owner, cancellationToken);
        _parts.InsertOne(new BsonDocument
        {
            ["snapshot"] = snapshotId,
            ["part"] = part,
            ["data"] = new BsonBinaryData(data.ToArray()),
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Writes every part, then the snapshot's document (the flip: from then on readers find it, whole).</summary>
    private IndexSnapshotInfo Write(
        long id, ObjectId owner, int format, byte[] checkpoint, Func<Stream, (long Position, int Products)> write, CancellationToken cancellationToken)
    {
        (long Position, int Products) covered;
        long bytes;
        using (var parts = new SnapshotPartsWriteStream(PartBytes, (part, data) => WritePart(id, part, data, owner, cancellationToken)))
        {
            covered = write(parts);
            parts.Flush();
            bytes = parts.Length;
        }

        cancellationToken.ThrowIfCancellationRequested();
        RenewLease(owner, cancellationToken);
        _snapshots.InsertOne(new BsonDocument
        {
            ["_id"] = id,
            ["format"] = format,
            ["position"] = covered.Position,
            ["products"] = covered.Products,
            ["bytes"] = bytes,
            ["checkpoint"] = new BsonBinaryData(checkpoint),
            ["createdAt"] = time.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken);
        return new IndexSnapshotInfo(id, format, covered.Position, covered.Products, bytes, TimeSpan.Zero, checkpoint);
    }

    /// <summary>Removes what an unfinished write stored (its document too, in case the flip went through unacknowledged).</summary>
    private void Abandon(long id)
    {
        try
        {
            _snapshots.DeleteOne(Filter.Eq("_id", id), CancellationToken.None);
            _parts.DeleteMany(Filter.Eq("snapshot", id), CancellationToken.None);
        }
        catch (MongoException)
        {
            // Parts no snapshot owns are removed by the next save.
        }
    }

    private static IMongoCollection<BsonDocument> Collection(IMongoDatabase database, string name) =>
        database.GetCollection<BsonDocument>(name).WithReadConcern(ReadConcern.Majority).WithWriteConcern(WriteConcern.WMajority);

    private static IndexSnapshotInfo Info(BsonDocument document, DateTime now) => new(
        document["_id"].ToInt64(), document["format"].ToInt32(), document["position"].ToInt64(), document["products"].ToInt32(),
        document["bytes"].ToInt64(), now - document["createdAt"].ToUniversalTime(),
        document.GetValue("checkpoint", BsonNull.Value) is BsonBinaryData checkpoint ? checkpoint.Bytes : null);

    /// <summary>
    /// Takes the writer's lease when it is free or expired, and with it a new snapshot id (a
    /// counter on the lease document). Null when another writer holds it.
    /// </summary>
    private long? TakeLease(ObjectId owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            // An expired lease matches and is taken over; a live one does not, and the upsert's
            // insert of the same _id then fails: someone else is writing.
            var lease = _writer.FindOneAndUpdate(
                Filter.And(Filter.Eq("_id", WriterId), Filter.Lt("expiresAt", now)),
                Builders<BsonDocument>.Update.Set("owner", owner).Set("expiresAt", now + LeaseDuration).Inc("next", 1L),
                new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
                cancellationToken);
            return lease["next"].ToInt64();
        }
        catch (MongoException ex) when (IsDuplicateKey(ex))
        {
            return null;
        }
    }

    /// <summary>Extends the lease; throws <see cref="LeaseLostException"/> when it is no longer this writer's.</summary>
    private void RenewLease(ObjectId owner, CancellationToken cancellationToken)
    {
        var renewed = _writer.UpdateOne(
            Filter.And(Filter.Eq("_id", WriterId), Filter.Eq("owner", owner)),
            Builders<BsonDocument>.Update.Set("expiresAt", time.GetUtcNow().UtcDateTime + LeaseDuration),
            cancellationToken: cancellationToken);
        if (renewed.MatchedCount == 0)
        {
            throw new LeaseLostException();
        }
    }

    private void ReleaseLease(ObjectId owner)
    {
        try
        {
            _writer.UpdateOne(
                Filter.And(Filter.Eq("_id", WriterId), Filter.Eq("owner", owner)),
                Builders<BsonDocument>.Update.Set("expiresAt", DateTime.UnixEpoch),
                cancellationToken: CancellationToken.None);
        }
        catch (MongoException)
        {
            // It expires by itself.
        }
    }

    /// <summary>
    /// Drops the snapshots this one replaces, except the newest of them, which a process may have
    /// begun reading a moment ago (it goes at the next save); snapshots of another format older
    /// than a day; and every part that no kept snapshot owns (left by a writer that died).
    /// </summary>
    private void DropOlder(long id, int format)
    {
        try
        {
            var replaced = Filter.And(Filter.Eq("format", format), Filter.Lt("_id", id));
            var previous = _snapshots.Find(replaced).Sort(Builders<BsonDocument>.Sort.Descending("_id")).Limit(1)
                .Project(Builders<BsonDocument>.Projection.Include("_id")).FirstOrDefault();
            var dropped = previous is null ? replaced : Filter.And(replaced, Filter.Ne("_id", previous["_id"]));
            var otherFormats = Filter.And(Filter.Ne("format", format), Filter.Lt("createdAt", time.GetUtcNow().UtcDateTime - OtherFormatsKept));
            _snapshots.DeleteMany(Filter.Or(dropped, otherFormats));

            var owned = _snapshots.Find(Filter.Empty).Project(Builders<BsonDocument>.Projection.Include("_id")).ToList().Select(s => s["_id"]).ToList();
            _parts.DeleteMany(Filter.Nin("snapshot", owned));
        }
        catch (MongoException)
        {
            // The new snapshot is in place; what it replaces is dropped at the next save.
        }
    }

    private static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError.Category == ServerErrorCategory.DuplicateKey,
        MongoDuplicateKeyException => true,
        MongoCommandException command => command.Code == 11000 /* DuplicateKey, as findAndModify reports it */,
        _ => false,
    };

    private sealed class LeaseLostException : Exception;

    /// <summary>The parts of one snapshot, in order, as one read-only stream; a missing or extra part is damage.</summary>
    private sealed class PartsReadStream(IAsyncCursor<BsonDocument> cursor, long bytes, CancellationToken cancellationToken) : Stream
    {
        private IEnumerator<BsonDocument>? _batch;
        private byte[] _part = [];
        private int _offset;
        private int _nextPart;
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_offset == _part.Length)
            {
                if (!NextPart())
                {
                    return _read == bytes || buffer.Length == 0
                        ? 0
                        : throw new InvalidDataException($"The snapshot's parts end at {_read} of its {bytes} bytes (removed while it was read?).");
                }
            }

            var n = Math.Min(buffer.Length, _part.Length - _offset);
            _part.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            _read += n;
            return n;
        }

        private bool NextPart()
        {
            while (_batch is null || !_batch.MoveNext())
            {
                _batch?.Dispose();
                _batch = null;
                if (!cursor.MoveNext(cancellationToken))
                {
                    return false;
                }

                _batch = cursor.Current.GetEnumerator();
            }

            var document = _batch.Current;
            if (document["part"].ToInt32() != _nextPart++)
            {
                throw new InvalidDataException("The snapshot is damaged: a part is missing.");
            }

            (_part, _offset) = (document["data"].AsByteArray, 0);
            return true;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _batch?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
