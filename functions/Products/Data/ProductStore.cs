using System.Text.Json;
using Covacha.Products.Messaging;
using Covacha.Products.Model;
using Covacha.Shared.Events;
using Covacha.Shared.Identity;
using Covacha.Shared.Messaging;
using Npgsql;
using NpgsqlTypes;

namespace Covacha.Products.Data;

/// <summary>
/// The catalogue in PostgreSQL. Every change writes the product row and its outbox row in one
/// transaction, so an event exists if and only if the change committed.
/// </summary>
public sealed class ProductStore(NpgsqlDataSource dataSource, OutboxSignal signal, TimeProvider clock)
{
    private const string Columns =
        "id, owner_id, name, description, price_minor, currency, category, image_url, stock, created_at, updated_at, version";

    /// <summary>What every read selects: <see cref="Columns"/>, then the tombstone flag and the takedown record.</summary>
    private const string ReadColumns = Columns + ", deleted, taken_down_at, taken_down_by, takedown_reason";

    private const string InsertOutbox =
        "INSERT INTO outbox (event_id, product_id, routing_key, payload, traceparent) VALUES ($1, $2, $3, $4, $5)";

    public async Task<ProductRow> CreateAsync(Guid ownerId, ProductFields fields, CancellationToken cancellationToken)
    {
        var now = Now();
        var product = new ProductRow(Guid.CreateVersion7(now), ownerId, fields.Name, fields.Description, fields.PriceMinor,
            fields.Currency, fields.Category, fields.ImageUrl, fields.Stock, now, now, 1);

        // One round trip; a batch without an explicit transaction runs as one implicit transaction.
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand(
            $"INSERT INTO products ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
        AddProductParameters(insert, product);
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(OutboxCommand(ProductEvents.Created, product.Id, product.Version, now, product.ToSnapshot()));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        signal.Committed();
        return product;
    }

    /// <summary>
    /// Lists <paramref name="products"/> for <paramref name="ownerId"/> if, and only if, the catalogue
    /// has never held a product (tombstones count: a catalogue its users emptied stays empty). All
    /// in one transaction under an advisory lock, with the emptiness checked inside it, so of two
    /// seeders started together exactly one writes. Each product is written as
    /// <see cref="CreateAsync"/> writes one (version 1 and its <c>product.created</c> event), with
    /// its own listing time. Returns how many were written: 0 when the catalogue was not empty.
    /// </summary>
    public async Task<int> SeedAsync(
        Guid ownerId, IReadOnlyList<(ProductFields Fields, DateTimeOffset ListedAt)> products, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('covacha-demo-seed'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // A statement of its own, after the lock: its snapshot sees what an earlier seeder committed.
        await using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM products)", connection, transaction))
        {
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }

        var now = Now();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (fields, listedAt) in products)
        {
            var product = new ProductRow(Guid.CreateVersion7(listedAt), ownerId, fields.Name, fields.Description, fields.PriceMinor,
                fields.Currency, fields.Category, fields.ImageUrl, fields.Stock, listedAt, listedAt, 1);
            var insert = new NpgsqlBatchCommand(
                $"INSERT INTO products ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
            AddProductParameters(insert, product);
            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(OutboxCommand(ProductEvents.Created, product.Id, product.Version, now, product.ToSnapshot()));
        }

        // Delivered at the commit: relays in other processes (the running apps) wake at once.
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"NOTIFY {OutboxSignal.NotifyChannel}"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
        return products.Count;
    }

    /// <summary>A live product, or a taken-down one (the caller decides who may see that); null when there is neither.</summary>
    public async Task<ProductRow?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {ReadColumns} FROM products WHERE id = $1 AND (NOT deleted OR taken_down_at IS NOT NULL)");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// Newest first, after the keyset position <paramref name="after"/>; up to <paramref name="take"/> rows.
    /// <paramref name="withTakenDown"/> (a seller's own list) adds the owner's taken-down products.
    /// </summary>
    public async Task<List<ProductRow>> ListAsync(
        Guid? ownerId, (DateTimeOffset CreatedAt, Guid Id)? after, int take, CancellationToken cancellationToken, bool withTakenDown = false)
    {
        var where = new List<string> { withTakenDown && ownerId is not null ? "(NOT deleted OR taken_down_at IS NOT NULL)" : "NOT deleted" };
        await using var command = dataSource.CreateCommand();
        if (ownerId is { } owner)
        {
            command.Parameters.AddWithValue(owner);
            where.Add($"owner_id = ${command.Parameters.Count}");
        }

        if (after is { } position)
        {
            command.Parameters.AddWithValue(position.CreatedAt);
            command.Parameters.AddWithValue(position.Id);
            where.Add($"(created_at, id) < (${command.Parameters.Count - 1}, ${command.Parameters.Count})");
        }

        command.Parameters.AddWithValue(take);
        command.CommandText =
            $"SELECT {ReadColumns} FROM products WHERE {string.Join(" AND ", where)} ORDER BY created_at DESC, id DESC LIMIT ${command.Parameters.Count}";
        var items = new List<ProductRow>(take);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    /// <summary>Every product including tombstones, by id, after <paramref name="after"/>.</summary>
    public async Task<List<ExportItem>> ExportAsync(Guid? after, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {ReadColumns} FROM products WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue(take);
        var items = new List<ExportItem>(take);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader).ToExportItem());
        }

        return items;
    }

    /// <summary>
    /// Replaces a product's fields with what <paramref name="change"/> makes of its current state
    /// (null: the change refuses, <see cref="ChangeOutcome.Rejected"/>), under a row lock.
    /// </summary>
    public Task<ChangeResult> UpdateAsync(
        Guid id, Caller caller, Func<long, bool> versionMatches, Func<ProductRow, ProductFields?> change,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, versionMatches, change, cancellationToken);

    /// <summary>Deletes a product (its row stays as a tombstone with the next version), under a row lock.</summary>
    public Task<ChangeResult> DeleteAsync(Guid id, Caller caller, Func<long, bool> versionMatches, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, versionMatches, null, cancellationToken);

    /// <summary>
    /// The checks every change makes in order (exists, the caller owns it or is an admin, the
    /// expected version), then the update or (no <paramref name="change"/>) the delete and its
    /// event, in one transaction.
    /// </summary>
    private async Task<ChangeResult> ChangeAsync(
        Guid id, Caller caller, Func<long, bool> versionMatches, Func<ProductRow, ProductFields?>? change,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockAsync(connection, transaction, id, cancellationToken) is not { } current)
        {
            return new ChangeResult(ChangeOutcome.NotFound);
        }

        if (current.OwnerId != caller.UserId && !caller.IsAdmin)
        {
            // A taken-down product does not exist for anyone but its seller and admins.
            return new ChangeResult(current.TakenDown ? ChangeOutcome.NotFound : ChangeOutcome.NotAllowed);
        }

        if (current.TakenDown)
        {
            return new ChangeResult(ChangeOutcome.TakenDown, current);
        }

        if (!versionMatches(current.Version))
        {
            return new ChangeResult(ChangeOutcome.VersionMismatch);
        }

        var now = Now();
        if (now <= current.UpdatedAt)
        {
            now = current.UpdatedAt.AddTicks(10);
        }

        ProductRow next;
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (change is null)
        {
            next = current with { UpdatedAt = now, Version = current.Version + 1, Deleted = true };
            var delete = new NpgsqlBatchCommand("UPDATE products SET deleted = true, updated_at = $2, version = $3 WHERE id = $1");
            delete.Parameters.AddWithValue(id);
            delete.Parameters.AddWithValue(now);
            delete.Parameters.AddWithValue(next.Version);
            batch.BatchCommands.Add(delete);
            batch.BatchCommands.Add(OutboxCommand(ProductEvents.Deleted, id, next.Version, now, null));
        }
        else
        {
            if (change(current) is not { } fields)
            {
                return new ChangeResult(ChangeOutcome.Rejected);
            }

            next = current with
            {
                Name = fields.Name, Description = fields.Description, PriceMinor = fields.PriceMinor, Currency = fields.Currency,
                Category = fields.Category, ImageUrl = fields.ImageUrl, Stock = fields.Stock,
                UpdatedAt = now, Version = current.Version + 1,
            };
            var update = new NpgsqlBatchCommand(
                """
                UPDATE products SET owner_id = $2, name = $3, description = $4, price_minor = $5, currency = $6, category = $7,
                    image_url = $8, stock = $9, created_at = $10, updated_at = $11, version = $12
                WHERE id = $1
                """);
            AddProductParameters(update, next);
            batch.BatchCommands.Add(update);
            batch.BatchCommands.Add(OutboxCommand(ProductEvents.Updated, id, next.Version, now, next.ToSnapshot()));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Committed();
        return new ChangeResult(ChangeOutcome.Done, next);
    }

    /// <summary>
    /// Reads and row-locks the product for a change in <paramref name="transaction"/>: a live one,
    /// or a taken-down one (kept for the record); null when there is none.
    /// </summary>
    private static async Task<ProductRow?> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            $"SELECT {ReadColumns} FROM products WHERE id = $1 AND (NOT deleted OR taken_down_at IS NOT NULL) FOR UPDATE",
            connection, transaction);
        select.Parameters.AddWithValue(id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// Takes a product down (an admin's decision, or an account deletion when
    /// <paramref name="by"/> is null): a tombstone with the next version and a <c>product.deleted</c>
    /// event, so Search drops it, keeping its fields and who/when/why. A product already taken
    /// down keeps its first record (<see cref="ChangeOutcome.Done"/> with it); a deleted or
    /// unknown one is <see cref="ChangeOutcome.NotFound"/>.
    /// </summary>
    public async Task<ChangeResult> TakeDownAsync(Guid id, Guid? by, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockAsync(connection, transaction, id, cancellationToken) is not { } current)
        {
            return new ChangeResult(ChangeOutcome.NotFound);
        }

        if (current.TakenDown)
        {
            return new ChangeResult(ChangeOutcome.Done, current);
        }

        var now = Now();
        if (now <= current.UpdatedAt)
        {
            now = current.UpdatedAt.AddTicks(10);
        }

        var next = current with { UpdatedAt = now, Version = current.Version + 1, Deleted = true, Takedown = new Takedown(now, by, reason) };
        await using var batch = new NpgsqlBatch(connection, transaction);
        var update = new NpgsqlBatchCommand(
            """
            UPDATE products SET deleted = true, updated_at = $2, version = $3, taken_down_at = $2, taken_down_by = $4, takedown_reason = $5
            WHERE id = $1
            """);
        update.Parameters.AddWithValue(id);
        update.Parameters.AddWithValue(now);
        update.Parameters.AddWithValue(next.Version);
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)by ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        update.Parameters.AddWithValue(reason);
        batch.BatchCommands.Add(update);
        batch.BatchCommands.Add(OutboxCommand(ProductEvents.Deleted, id, next.Version, now, null));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Committed();
        return new ChangeResult(ChangeOutcome.Done, next);
    }

    /// <summary>Why the products of a deleted account are down, in their record.</summary>
    public const string AccountDeletedReason = "The seller deleted their account.";

    /// <summary>
    /// Takes down every live product of an owner (an account deleted in Auth), each with its
    /// tombstone and <c>product.deleted</c> event, so Search drops them; the record says the
    /// account was deleted. Idempotent.
    /// </summary>
    public async Task<int> TakeDownOwnerAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var takenDown = 0;
        while (true)
        {
            var ids = new List<Guid>();
            await using (var select = dataSource.CreateCommand("SELECT id FROM products WHERE owner_id = $1 AND NOT deleted LIMIT 100"))
            {
                select.Parameters.AddWithValue(ownerId);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetGuid(0));
                }
            }

            if (ids.Count == 0)
            {
                return takenDown;
            }

            foreach (var id in ids)
            {
                // NotFound here means a concurrent delete got there first: gone either way.
                var result = await TakeDownAsync(id, null, AccountDeletedReason, cancellationToken);
                takenDown += result.Outcome == ChangeOutcome.Done ? 1 : 0;
            }
        }
    }

    private static NpgsqlBatchCommand OutboxCommand(string type, Guid productId, long version, DateTimeOffset at, ProductSnapshot? snapshot)
    {
        var @event = new ProductEvent(Guid.CreateVersion7(at), type, productId, version, at, snapshot);
        var command = new NpgsqlBatchCommand(InsertOutbox);
        command.Parameters.AddWithValue(@event.EventId);
        command.Parameters.AddWithValue(productId);
        command.Parameters.AddWithValue(type);
        command.Parameters.AddWithValue(JsonSerializer.SerializeToUtf8Bytes(@event, EventJsonContext.Default.ProductEvent));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Traceparent.Current() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    private static void AddProductParameters(NpgsqlBatchCommand command, ProductRow p)
    {
        command.Parameters.AddWithValue(p.Id);
        command.Parameters.AddWithValue(p.OwnerId);
        command.Parameters.AddWithValue(p.Name);
        command.Parameters.AddWithValue(p.Description);
        command.Parameters.AddWithValue(p.PriceMinor);
        command.Parameters.AddWithValue(p.Currency);
        command.Parameters.AddWithValue(p.Category);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)p.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.AddWithValue(p.Stock);
        command.Parameters.AddWithValue(p.CreatedAt);
        command.Parameters.AddWithValue(p.UpdatedAt);
        command.Parameters.AddWithValue(p.Version);
    }

    /// <summary>Reads a row selected as <see cref="ReadColumns"/>.</summary>
    private static ProductRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.GetInt32(8),
        r.GetFieldValue<DateTimeOffset>(9), r.GetFieldValue<DateTimeOffset>(10), r.GetInt64(11), r.GetBoolean(12),
        r.IsDBNull(13) ? null : new Takedown(r.GetFieldValue<DateTimeOffset>(13), r.IsDBNull(14) ? null : r.GetGuid(14), r.GetString(15)));

    /// <summary>The clock to PostgreSQL's microsecond precision, so events and rows carry identical times.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }
}
