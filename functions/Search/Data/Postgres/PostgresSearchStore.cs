using System.Text;
using Covacha.Search.Model;
using Covacha.Search.Text;
using Npgsql;
using NpgsqlTypes;

namespace Covacha.Search.Data.Postgres;

/// <summary>
/// The read model in PostgreSQL: a weighted tsvector over folded text with a GIN index, a
/// vocabulary table (only words some live product uses) with a trigram index for typo correction, and queries whose cost is bounded
/// for common words (capped candidates before ranking, capped counting). Every write takes its
/// place in a change feed (<see cref="ReadChangesAsync"/>) that in-memory indexes follow.
/// </summary>
public sealed class PostgresSearchStore(NpgsqlDataSource dataSource) : ISearchStore, IChangeFeed
{
    /// <summary>Matches ranked by relevance at most (name matches first), per the measured cost of ts_rank.</summary>
    public const int RankCandidates = 200;

    /// <summary>Totals and facet counts stop counting here; above it they are lower bounds.</summary>
    public const int CountLimit = SearchQuery.MaxResultWindow;

    private const string Columns = "id, name, description, price_minor, currency, category, image_url, stock";

    /// <summary>The advisory lock key writers of the read model serialise on (any constant; "srch").</summary>
    private const long ChangeFeedLock = 0x73726368;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public bool IsTransient(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException;

    public async Task<int> ApplyAsync(IReadOnlyList<ProductChange> changes, CancellationToken cancellationToken)
    {
        var batch = ChangeBatch.NewestPerProduct(changes);
        if (batch.Count == 0)
        {
            return 0;
        }

        // One implicit transaction: the advisory lock makes writers take their change_seq values
        // in commit order, which is what lets the change feed be read with a simple "after n",
        // and makes the vocabulary's use counts exact (one writer adjusts them at a time).
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writeBatch = new NpgsqlBatch(connection);
        writeBatch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({ChangeFeedLock})"));
        var command = new NpgsqlBatchCommand(
            """
            WITH incoming AS (
                SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::boolean[], $4::text[], $5::text[], $6::bigint[],
                                     $7::text[], $8::text[], $9::text[], $10::integer[], $11::timestamptz[], $12::timestamptz[])
                    AS t(id, version, deleted, name, description, price_minor, currency, category, image_url, stock, created_at, updated_at)
            ), previous AS (
                -- The statement's snapshot: the rows as they were before this write.
                SELECT p.id, p.document FROM products p JOIN incoming i ON i.id = p.id WHERE NOT p.deleted
            ), written AS (
                INSERT INTO products AS p (id, version, deleted, name, description, price_minor, currency, category, image_url, stock, created_at, updated_at)
                SELECT * FROM incoming
                ON CONFLICT (id) DO UPDATE SET
                    version = EXCLUDED.version, deleted = EXCLUDED.deleted, name = EXCLUDED.name,
                    description = EXCLUDED.description, price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency,
                    category = EXCLUDED.category, image_url = EXCLUDED.image_url, stock = EXCLUDED.stock,
                    created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, indexed_at = now(),
                    change_seq = nextval('products_change_seq')
                WHERE p.version < EXCLUDED.version
                RETURNING p.id, p.deleted, p.document
            ), uses AS (
                -- Each live product counts once per distinct word: the new version's words up,
                -- the replaced version's words down.
                SELECT w AS word, sum(delta) AS delta FROM (
                    SELECT w, 1 AS delta FROM written, unnest(tsvector_to_array(written.document)) AS w WHERE NOT written.deleted
                    UNION ALL
                    SELECT w, -1 FROM previous JOIN written USING (id), unnest(tsvector_to_array(previous.document)) AS w
                ) d GROUP BY w
            ), vocabulary AS (
                INSERT INTO words AS v (word, uses)
                SELECT word, delta FROM uses WHERE delta <> 0
                ORDER BY word
                ON CONFLICT (word) DO UPDATE SET uses = v.uses + EXCLUDED.uses
            )
            SELECT count(*) FROM written
            """);
        var snapshots = batch.Select(c => c.Product).ToList();
        command.Parameters.Add(Array(NpgsqlDbType.Uuid, batch.Select(c => c.ProductId).ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Bigint, batch.Select(c => c.Version).ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Boolean, batch.Select(c => c.IsDelete).ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Text, snapshots.Select(p => p?.Name ?? "").ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Text, snapshots.Select(p => p?.Description ?? "").ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Bigint, snapshots.Select(p => p?.PriceMinor ?? 0L).ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Text, snapshots.Select(p => p?.Currency ?? "").ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Text, snapshots.Select(p => p?.Category ?? "").ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Text, snapshots.Select(p => p?.ImageUrl).ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.Integer, snapshots.Select(p => p?.Stock ?? 0).ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.TimestampTz, batch.Select(c => (c.Product?.CreatedAt ?? c.OccurredAt).UtcDateTime).ToArray()));
        command.Parameters.Add(Array(NpgsqlDbType.TimestampTz, batch.Select(c => (c.Product?.UpdatedAt ?? c.OccurredAt).UtcDateTime).ToArray()));
        writeBatch.BatchCommands.Add(command);
        // Words no live product uses any more are forgotten in the same transaction (the partial
        // index holds only those, so this reads nothing else).
        writeBatch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM words WHERE uses <= 0"));
        await using var reader = await writeBatch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (int)reader.GetInt64(0);
    }

    public async Task<IReadOnlyList<StoredChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             SELECT change_seq, version, deleted, created_at, {Columns} FROM products
             WHERE change_seq > $1 ORDER BY change_seq LIMIT $2
             """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = after });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit });
        var changes = new List<StoredChange>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var product = reader.GetBoolean(2) ? null : new StoredProduct(
                reader.GetGuid(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.GetString(8),
                reader.GetString(9), await reader.IsDBNullAsync(10, cancellationToken) ? null : reader.GetString(10), reader.GetInt32(11));
            changes.Add(new StoredChange(reader.GetInt64(0), reader.GetGuid(4), reader.GetInt64(1), product, new DateTimeOffset(reader.GetDateTime(3))));
        }

        return changes;
    }

    /// <summary>The sequence itself: this feed reads on from any position, in any process.</summary>
    public Task<byte[]?> CheckpointAsync(long position, CancellationToken cancellationToken) =>
        Task.FromResult<byte[]?>(BitConverter.GetBytes(position));

    /// <summary>Nothing to do: the next read after <paramref name="position"/> is a query like any other.</summary>
    public void ResumeFrom(long position, byte[]? checkpoint)
    {
    }

    public async Task<StoreSearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var terms = await ResolveAsync(QueryTerm.Parse(query.Text), cancellationToken);
        var text = terms.Count == 0 ? null : TsQuery(terms, nameOnly: false);
        var nameText = terms.Count == 0 ? null : TsQuery(terms, nameOnly: true);

        var filters = new StringBuilder("NOT deleted");
        if (text is not null)
        {
            filters.Append(" AND document @@ to_tsquery('simple', $1)");
        }

        if (query.Currency is not null)
        {
            filters.Append(" AND currency = $10");
        }

        if (query.MinPriceMinor is not null)
        {
            filters.Append(" AND price_minor >= $3");
        }

        if (query.MaxPriceMinor is not null)
        {
            filters.Append(" AND price_minor <= $4");
        }

        if (query.InStock == true)
        {
            filters.Append(" AND stock > 0");
        }

        var withCategory = query.Category is null ? filters.ToString() : filters + " AND category = $5";
        var relevance = text is not null && query.Sort == SearchSort.Relevance;
        var order = query.Sort switch
        {
            SearchSort.PriceAsc => "price_minor, id",
            SearchSort.PriceDesc => "price_minor DESC, id DESC",
            _ => "created_at DESC, id",
        };
        var candidates = Math.Max(RankCandidates, query.Offset + query.PageSize);

        // One round trip: the page, the facet counts (without the category filter) and, when a
        // category is chosen, the total inside it. Each count stops at CountLimit + 1 rows.
        var pageSql = relevance
            ? $"""
               WITH candidates AS MATERIALIZED (
                   SELECT * FROM (
                       (SELECT {Columns}, document, true AS in_name FROM products WHERE {withCategory} AND document @@ to_tsquery('simple', $2) LIMIT $8)
                       UNION ALL
                       (SELECT {Columns}, document, false FROM products WHERE {withCategory} AND NOT (document @@ to_tsquery('simple', $2)) LIMIT $8)
                   ) c LIMIT $8)
               SELECT {Columns} FROM candidates
               ORDER BY in_name DESC, ts_rank(document, to_tsquery('simple', $1)) DESC, id
               LIMIT $6 OFFSET $7
               """
            : $"SELECT {Columns} FROM products WHERE {withCategory} ORDER BY {order} LIMIT $6 OFFSET $7";
        var facetSql = $"SELECT category, count(*) FROM (SELECT category FROM products WHERE {filters} LIMIT $9) m GROUP BY category";
        var totalSql = $"SELECT count(*) FROM (SELECT 1 FROM products WHERE {withCategory} LIMIT $9) m";

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in query.Category is null ? new[] { pageSql, facetSql } : new[] { pageSql, facetSql, totalSql })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)text ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)nameText ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)query.MinPriceMinor ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)query.MaxPriceMinor ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.Category ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = query.PageSize });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = query.Offset });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = candidates });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = CountLimit + 1 });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.Currency ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var items = new List<StoredProduct>(query.PageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new StoredProduct(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), await reader.IsDBNullAsync(6, cancellationToken) ? null : reader.GetString(6), reader.GetInt32(7)));
        }

        await reader.NextResultAsync(cancellationToken);
        var facets = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Counting reads one row past the cap to know it was reached; the client sees the cap.
            facets[reader.GetString(0)] = Math.Min(reader.GetInt64(1), CountLimit);
        }

        long total = Math.Min(facets.Values.Sum(), CountLimit);
        if (query.Category is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            total = Math.Min(reader.GetInt64(0), CountLimit);
        }

        return new StoreSearchResult(total, items, facets);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken)
    {
        // The same forgiveness as searches: a misspelt long word stands for its known neighbours.
        var typedTerms = QueryTerm.Parse(text);
        var terms = await ResolveAsync(typedTerms, cancellationToken);
        if (terms.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            """
            SELECT id, name FROM (
                SELECT id, name, name_folded FROM products
                WHERE NOT deleted AND document @@ to_tsquery('simple', $1)
                LIMIT 200) c
            ORDER BY ltrim(name_folded) LIKE $2 DESC, length(name), name, id
            LIMIT $3
            """);
        command.Parameters.AddWithValue(TsQuery(terms, nameOnly: true));
        command.Parameters.AddWithValue(string.Join(' ', typedTerms.Select(t => t.Word)) + "%");
        command.Parameters.AddWithValue(limit);
        var suggestions = new List<Suggestion>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            suggestions.Add(new Suggestion(reader.GetGuid(0), reader.GetString(1)));
        }

        return suggestions;
    }

    /// <summary>
    /// Which words are in the vocabulary (the last one as a prefix); each unknown word of five
    /// letters or more is replaced by the known words one edit away, found through the trigram
    /// index and confirmed by edit distance.
    /// </summary>
    private async Task<IReadOnlyList<QueryTerm>> ResolveAsync(IReadOnlyList<QueryTerm> terms, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return terms;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var known = new bool[terms.Count];
        await using (var command = new NpgsqlCommand(
            """
            SELECT CASE WHEN t.prefix
                        THEN EXISTS (SELECT 1 FROM words WHERE word >= t.word AND word < t.word || '{')
                        ELSE EXISTS (SELECT 1 FROM words WHERE word = t.word) END
            FROM unnest($1::text[], $2::boolean[]) WITH ORDINALITY AS t(word, prefix, n)
            ORDER BY t.n
            """, connection))
        {
            command.Parameters.Add(Array(NpgsqlDbType.Text, terms.Select(t => t.Word).ToArray()));
            command.Parameters.Add(Array(NpgsqlDbType.Boolean, terms.Select(t => t.IsPrefix).ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
            {
                known[i] = reader.GetBoolean(0);
            }
        }

        var resolved = new List<QueryTerm>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            if (known[i] || !term.MayCorrect)
            {
                resolved.Add(term);
                continue;
            }

            // A typo in a short word can cost half its trigrams: look wider than the default 0.3,
            // edit distance decides.
            await using (var threshold = new NpgsqlCommand("SET pg_trgm.similarity_threshold = 0.2", connection))
            {
                await threshold.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var lookup = new NpgsqlCommand(
                "SELECT word FROM words WHERE word % $1 AND length(word) BETWEEN $2 AND $3 ORDER BY word <-> $1 LIMIT 50", connection);
            lookup.Parameters.AddWithValue(term.Word);
            lookup.Parameters.AddWithValue(term.Word.Length - 1);
            lookup.Parameters.AddWithValue(term.Word.Length + 1);
            var candidates = new List<string>();
            await using (var reader = await lookup.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    candidates.Add(reader.GetString(0));
                }
            }

            resolved.Add(term.CorrectedTo(term.WithinOneEdit(candidates)));
        }

        return resolved;
    }

    /// <summary>
    /// AND of the terms, each an OR of its alternatives; the last one a prefix. Words are
    /// <c>[a-z0-9]+</c> by construction, so nothing from the user reaches the tsquery syntax.
    /// </summary>
    private static string TsQuery(IReadOnlyList<QueryTerm> terms, bool nameOnly)
    {
        var weight = nameOnly ? "A" : "";
        return string.Join(" & ", terms.Select(t =>
        {
            var suffix = t.IsPrefix ? ":*" + weight : weight.Length > 0 ? ":" + weight : "";
            return "(" + string.Join(" | ", t.Alternatives.Select(a => a + suffix)) + ")";
        }));
    }

    private static NpgsqlParameter Array<T>(NpgsqlDbType type, T[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values };
}
