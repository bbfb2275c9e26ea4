using Covacha.Search.Data;
using Covacha.Search.Data.Postgres;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;

namespace Covacha.Search.Tests.Contract;

/// <summary>The PostgreSQL leg of the index snapshot contract: <c>index_snapshots</c> and its parts, under an advisory lock.</summary>
public sealed class PostgresIndexSnapshotTests : IndexSnapshotContract
{
    private SearchDatabase? _database;

    protected override async Task<ISearchStore> CreateStoreAsync()
    {
        _database = await SearchDatabase.CreateAsync("searchsnapc");
        return new PostgresSearchStore(_database.DataSource);
    }

    protected override async Task DropStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override IIndexSnapshotStore NewSnapshotStore() => new PostgresIndexSnapshotStore(_database!.DataSource);

    protected override IChangeFeed NewFeed() => new PostgresSearchStore(_database!.DataSource);

    protected override async Task<List<StoredProduct>> ReadModelAsync()
    {
        await using var command = _database!.DataSource.CreateCommand(
            "SELECT id, name, description, price_minor, currency, category, image_url, stock FROM products WHERE NOT deleted");
        await using var reader = await command.ExecuteReaderAsync();
        var products = new List<StoredProduct>();
        while (await reader.ReadAsync())
        {
            products.Add(new StoredProduct(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), await reader.IsDBNullAsync(6) ? null : reader.GetString(6), reader.GetInt32(7)));
        }

        return products;
    }

    protected override async Task<List<long>> StoredSnapshotsAsync()
    {
        await using var command = _database!.DataSource.CreateCommand("SELECT id FROM index_snapshots");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    protected override async Task<long> StoredPartsAsync(long id)
    {
        await using var command = _database!.DataSource.CreateCommand("SELECT count(*) FROM index_snapshot_parts WHERE snapshot_id = $1");
        command.Parameters.AddWithValue(id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A writer holding the lock with a snapshot and a part written, whose connection then goes away without committing.</summary>
    protected override async Task<long> AbandonWriteAsync()
    {
        await using var connection = await _database!.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT pg_try_advisory_xact_lock(1936613744); -- the snapshot writers' lock ("snap")
            WITH s AS (INSERT INTO index_snapshots (format, position, products, bytes) VALUES (1, 99, 99, 4) RETURNING id)
            INSERT INTO index_snapshot_parts (snapshot_id, part, data) SELECT id, 0, '\x01020304'::bytea FROM s RETURNING snapshot_id;
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync() && reader.GetBoolean(0), "the abandoned writer holds the lock");
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        return reader.GetInt64(0);
    }
}
