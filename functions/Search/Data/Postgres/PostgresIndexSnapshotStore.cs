using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Covacha.Search.Data.Postgres;

/// <summary>
/// Index snapshots in the read model's own database (<c>index_snapshots</c>, parts in
/// <c>index_snapshot_parts</c>): written with binary COPY as they are produced and read back as
/// one ordered stream, so neither side ever holds a whole snapshot in memory.
/// </summary>
public sealed class PostgresIndexSnapshotStore(NpgsqlDataSource dataSource) : IIndexSnapshotStore
{
    /// <summary>Bytes per stored part.</summary>
    public const int PartBytes = 4 * 1024 * 1024;

    /// <summary>One snapshot writer at a time across every process ("snap").</summary>
    private const long WriterLock = 0x736E6170;

    public async Task<IndexSnapshotInfo?> LatestAsync(int format, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, format, position, products, bytes, now() - created_at, checkpoint FROM index_snapshots
            WHERE format = $1 ORDER BY position DESC, id DESC LIMIT 1
            """);
        command.Parameters.AddWithValue(format);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IndexSnapshotInfo(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetTimeSpan(5),
                await reader.IsDBNullAsync(6, cancellationToken) ? null : await reader.GetFieldValueAsync<byte[]>(6, cancellationToken))
            : null;
    }

    public Task ReadAsync(IndexSnapshotInfo snapshot, Action<Stream> read, CancellationToken cancellationToken) => Task.Run(() =>
    {
        // The reader is synchronous (it parses as it reads); the parts come through one query,
        // whose own snapshot keeps them readable even if a writer replaces them meanwhile.
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT data FROM index_snapshot_parts WHERE snapshot_id = $1 ORDER BY part", connection);
        command.Parameters.AddWithValue(snapshot.Id);
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
        using var parts = new PartsReadStream(reader);
        read(parts);
    }, cancellationToken);

    public Task<IndexSnapshotInfo?> SaveAsync(
        int format, byte[] checkpoint, Func<Stream, (long Position, int Products)> write, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            using var connection = dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using (var locked = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", connection, transaction))
            {
                locked.Parameters.AddWithValue(WriterLock);
                if (locked.ExecuteScalar() is not true)
                {
                    return null;
                }
            }

            long id;
            using (var insert = new NpgsqlCommand(
                "INSERT INTO index_snapshots (format, position, products, bytes, checkpoint) VALUES ($1, 0, 0, 0, $2) RETURNING id", connection, transaction))
            {
                insert.Parameters.AddWithValue(format);
                insert.Parameters.AddWithValue(checkpoint);
                id = (long)insert.ExecuteScalar()!;
            }

            (long Position, int Products) covered;
            long bytes;
            using (var import = connection.BeginBinaryImport("COPY index_snapshot_parts (snapshot_id, part, data) FROM STDIN (FORMAT BINARY)"))
            {
                using var parts = new SnapshotPartsWriteStream(PartBytes, (part, data) => WritePart(import, id, part, data));
                covered = write(parts);
                parts.Flush();
                bytes = parts.Length;
                cancellationToken.ThrowIfCancellationRequested();
                import.Complete();
            }

            using (var finish = new NpgsqlBatch(connection, transaction))
            {
                var update = new NpgsqlBatchCommand("UPDATE index_snapshots SET position = $2, products = $3, bytes = $4, created_at = now() WHERE id = $1");
                update.Parameters.AddWithValue(id);
                update.Parameters.AddWithValue(covered.Position);
                update.Parameters.AddWithValue(covered.Products);
                update.Parameters.AddWithValue(bytes);
                // Only the newest of a format is read; other formats (a version being rolled out or
                // back) keep theirs for a day.
                var older = new NpgsqlBatchCommand(
                    """
                    DELETE FROM index_snapshots
                    WHERE id <> $1 AND ((format = $2 AND position <= $3) OR (format <> $2 AND created_at < now() - interval '1 day'))
                    """);
                older.Parameters.AddWithValue(id);
                older.Parameters.AddWithValue(format);
                older.Parameters.AddWithValue(covered.Position);
                finish.BatchCommands.Add(update);
                finish.BatchCommands.Add(older);
                finish.ExecuteNonQuery();
            }

            transaction.Commit();
            return new IndexSnapshotInfo(id, format, covered.Position, covered.Products, bytes, TimeSpan.Zero, checkpoint);
        }, cancellationToken);

    /// <summary>Sends one part as the next row of the COPY.</summary>
    private static void WritePart(NpgsqlBinaryImporter import, long snapshotId, int part, ArraySegment<byte> data)
    {
        import.StartRow();
        import.Write(snapshotId, NpgsqlDbType.Bigint);
        import.Write(part, NpgsqlDbType.Integer);
        import.Write(data, NpgsqlDbType.Bytea);
    }

    /// <summary>The parts of one snapshot, in order, as one read-only stream.</summary>
    private sealed class PartsReadStream(NpgsqlDataReader reader) : Stream
    {
        private Stream? _part;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (true)
            {
                if (_part is null)
                {
                    if (!reader.Read())
                    {
                        return 0;
                    }

                    _part = reader.GetStream(0);
                }

                var n = _part.Read(buffer);
                if (n > 0 || buffer.Length == 0)
                {
                    return n;
                }

                _part.Dispose();
                _part = null;
            }
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
                _part?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
