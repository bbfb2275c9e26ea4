using Covacha.Search.Model;
using Covacha.Search.Text;
using Covacha.Shared.Money;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Covacha.Search.Data.Mongo;

/// <summary>
/// The read model in MongoDB (the store on AKS): one document per product with its folded words
/// in a multikey index, a vocabulary collection for typo correction (each word with the number of
/// live products using it, kept in the same transaction as the products), majority writes. Word
/// matching uses equality and ranges over the folded words; no regular expression is ever built
/// from user input.
/// </summary>
public sealed class MongoSearchStore : ISearchStore
{
    public const int RankCandidates = 200;
    public const int CountLimit = SearchQuery.MaxResultWindow;

    private readonly IMongoCollection<BsonDocument> _products;
    private readonly IMongoCollection<BsonDocument> _words;
    private readonly IMongoClient _client;

    public MongoSearchStore(IMongoDatabase database)
    {
        _client = database.Client;
        _products = database.GetCollection<BsonDocument>("products").WithWriteConcern(WriteConcern.WMajority);
        _words = database.GetCollection<BsonDocument>("words").WithWriteConcern(WriteConcern.WMajority);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await _products.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(keys.Ascending("words").Ascending("deleted")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("nameWords").Ascending("deleted")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("deleted").Ascending("currency").Ascending("priceMinor").Ascending("_id")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("deleted").Descending("createdAt").Ascending("_id")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("deleted").Ascending("category")),
        ], cancellationToken);
        await MigrateToMinorUnitsAsync(cancellationToken);
        await CountWordUsesAsync(cancellationToken);
    }

    /// <summary>
    /// A vocabulary written before words were counted (no <c>uses</c>) is rebuilt once from the
    /// live products, replacing the collection in one step (<c>$out</c>); the migration Job runs it
    /// before any indexer writes.
    /// </summary>
    private async Task CountWordUsesAsync(CancellationToken cancellationToken)
    {
        var f = Builders<BsonDocument>.Filter;
        if (!await _words.Find(f.Exists("uses", false)).Limit(1).AnyAsync(cancellationToken))
        {
            return;
        }

        await _products.Aggregate()
            .Match(f.Eq("deleted", false))
            .Project(new BsonDocument("word", new BsonDocument("$setUnion", new BsonArray { "$words", new BsonArray() })))
            .Unwind("word")
            .Group(new BsonDocument { { "_id", "$word" }, { "uses", new BsonDocument("$sum", 1L) } })
            .AppendStage<BsonDocument>(new BsonDocument("$out", _words.CollectionNamespace.CollectionName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Documents written before minor units carry a decimal <c>price</c>: each gets the same amount
    /// as <c>priceMinor</c> (ISO 4217 exponent of its currency) and loses <c>price</c>. Safe to run
    /// again and by several processes at once: a migrated document no longer matches.
    /// </summary>
    private async Task MigrateToMinorUnitsAsync(CancellationToken cancellationToken)
    {
        var f = Builders<BsonDocument>.Filter;
        var legacy = f.Exists("price") & f.Not(f.Exists("priceMinor"));
        var currencies = await (await _products.DistinctAsync<string>("currency", legacy, cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        foreach (var currency in currencies)
        {
            var factor = Money.ToMinor(1m, currency) ?? 100;
            var pipeline = new EmptyPipelineDefinition<BsonDocument>()
                .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$set", new BsonDocument("priceMinor",
                    new BsonDocument("$toLong", new BsonDocument("$multiply", new BsonArray { "$price", factor })))))
                .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$unset", "price"));
            await _products.UpdateManyAsync(legacy & f.Eq("currency", currency), pipeline, cancellationToken: cancellationToken);
        }

        try
        {
            await _products.Indexes.DropOneAsync("deleted_1_price_1__id_1", cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.CodeName == "IndexNotFound")
        {
            // Created after minor units, or already dropped.
        }
    }

    public bool IsTransient(Exception exception) =>
        exception is MongoConnectionException or TimeoutException or MongoNotPrimaryException or MongoNodeIsRecoveringException;

    public async Task<int> ApplyAsync(IReadOnlyList<ProductChange> changes, CancellationToken cancellationToken)
    {
        var batch = ChangeBatch.NewestPerProduct(changes);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        return await session.WithTransactionAsync((s, ct) => ApplyInTransactionAsync(s, batch, ct), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Reads each product's current version and words, writes only the changes newer than them and
    /// moves the vocabulary's counts by the difference, all in one transaction: two writers touching
    /// the same product or word conflict and one of them runs again (MongoDB labels the conflict
    /// transient and <c>WithTransactionAsync</c> retries), so the counts stay those of a recount and
    /// a word no live product uses leaves the vocabulary in the same commit.
    /// </summary>
    private async Task<int> ApplyInTransactionAsync(IClientSessionHandle session, IReadOnlyList<ProductChange> batch, CancellationToken cancellationToken)
    {
        var f = Builders<BsonDocument>.Filter;
        var current = (await _products.Find(session, f.In("_id", batch.Select(c => Id(c.ProductId))))
                .Project(Builders<BsonDocument>.Projection.Include("version").Include("deleted").Include("words"))
                .ToListAsync(cancellationToken))
            .ToDictionary(d => Id(d["_id"]));

        var writes = new List<WriteModel<BsonDocument>>();
        var uses = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var change in batch)
        {
            var existing = current.GetValueOrDefault(change.ProductId);
            if (existing is not null && existing["version"].ToInt64() >= change.Version)
            {
                continue;
            }

            var document = ToDocument(change);
            writes.Add(existing is null
                ? new InsertOneModel<BsonDocument>(document)
                : new ReplaceOneModel<BsonDocument>(f.Eq("_id", document["_id"]), document));
            CountWords(uses, existing, -1);
            CountWords(uses, document, +1);
        }

        if (writes.Count == 0)
        {
            return 0;
        }

        await _products.BulkWriteAsync(session, writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        var moved = uses.Where(u => u.Value != 0).ToList();
        if (moved.Count > 0)
        {
            await _words.BulkWriteAsync(session,
                moved.Select(u => new UpdateOneModel<BsonDocument>(f.Eq("_id", u.Key), Builders<BsonDocument>.Update.Inc("uses", u.Value)) { IsUpsert = true }),
                new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            await _words.DeleteManyAsync(session, f.In("_id", moved.Select(u => u.Key)) & f.Lte("uses", 0), cancellationToken: cancellationToken);
        }

        return writes.Count;
    }

    /// <summary>Adds <paramref name="sign"/> to the count of each distinct word of a live product's document.</summary>
    private static void CountWords(Dictionary<string, long> uses, BsonDocument? document, int sign)
    {
        if (document is null || document["deleted"].AsBoolean)
        {
            return;
        }

        foreach (var word in document["words"].AsBsonArray.Select(w => w.AsString).Distinct(StringComparer.Ordinal))
        {
            uses[word] = uses.GetValueOrDefault(word) + sign;
        }
    }

    public async Task<StoreSearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var f = Builders<BsonDocument>.Filter;
        var terms = await ResolveAsync(QueryTerm.Parse(query.Text), cancellationToken);
        var filter = f.Eq("deleted", false);
        foreach (var term in terms)
        {
            filter &= WordFilter("words", term);
        }

        if (query.Currency is { } currency)
        {
            filter &= f.Eq("currency", currency);
        }

        if (query.MinPriceMinor is { } min)
        {
            filter &= f.Gte("priceMinor", min);
        }

        if (query.MaxPriceMinor is { } max)
        {
            filter &= f.Lte("priceMinor", max);
        }

        if (query.InStock == true)
        {
            filter &= f.Gt("stock", 0);
        }

        var withCategory = query.Category is null ? filter : filter & f.Eq("category", query.Category);

        var facetDocs = await _products.Aggregate()
            .Match(filter)
            .Limit(CountLimit + 1)
            .Group(new BsonDocument { { "_id", "$category" }, { "count", new BsonDocument("$sum", 1) } })
            .ToListAsync(cancellationToken);
        // Counting reads one document past the cap to know it was reached; the client sees the cap.
        var facets = facetDocs.ToDictionary(
            d => d["_id"].AsString, d => Math.Min((long)d["count"].ToInt32(), CountLimit), StringComparer.Ordinal);
        var total = query.Category is null
            ? facets.Values.Sum()
            : await _products.CountDocumentsAsync(withCategory, new CountOptions { Limit = CountLimit + 1 }, cancellationToken);

        List<BsonDocument> page;
        if (terms.Count > 0 && query.Sort == SearchSort.Relevance)
        {
            var candidates = await _products.Find(withCategory)
                .Limit(Math.Max(RankCandidates, query.Offset + query.PageSize))
                .ToListAsync(cancellationToken);
            page = candidates
                .Select(d => (Doc: d, InName: terms.All(t => Matches(d["nameWords"].AsBsonArray, t)), Score: Score(d, terms)))
                .OrderByDescending(x => x.InName).ThenByDescending(x => x.Score).ThenBy(x => Id(x.Doc["_id"]))
                .Skip(query.Offset).Take(query.PageSize).Select(x => x.Doc).ToList();
        }
        else
        {
            var s = Builders<BsonDocument>.Sort;
            var sort = query.Sort switch
            {
                SearchSort.PriceAsc => s.Ascending("priceMinor").Ascending("_id"),
                SearchSort.PriceDesc => s.Descending("priceMinor").Descending("_id"),
                _ => s.Descending("createdAt").Ascending("_id"),
            };
            page = await _products.Find(withCategory).Sort(sort).Skip(query.Offset).Limit(query.PageSize).ToListAsync(cancellationToken);
        }

        var items = page.Select(MongoDocuments.ToStoredProduct).ToList();
        return new StoreSearchResult(Math.Min(total, CountLimit), items, facets);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken)
    {
        // The same forgiveness as searches: a misspelt long word stands for its known neighbours.
        var terms = await ResolveAsync(QueryTerm.Parse(text), cancellationToken);
        if (terms.Count == 0)
        {
            return [];
        }

        var filter = Builders<BsonDocument>.Filter.Eq("deleted", false);
        foreach (var term in terms)
        {
            filter &= WordFilter("nameWords", term);
        }

        var typed = string.Join(' ', terms.Select(t => t.Word));
        var candidates = await _products.Find(filter)
            .Project(Builders<BsonDocument>.Projection.Include("name"))
            .Limit(200).ToListAsync(cancellationToken);
        return candidates
            .Select(d => (Id: Id(d["_id"]), Name: d["name"].AsString))
            .OrderByDescending(x => string.Join(' ', TextFolding.Words(x.Name)).StartsWith(typed, StringComparison.Ordinal))
            .ThenBy(x => x.Name.Length).ThenBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Id)
            .Take(limit).Select(x => new Suggestion(x.Id, x.Name)).ToList();
    }

    private async Task<IReadOnlyList<QueryTerm>> ResolveAsync(IReadOnlyList<QueryTerm> terms, CancellationToken cancellationToken)
    {
        var f = Builders<BsonDocument>.Filter;
        var resolved = new List<QueryTerm>(terms.Count);
        foreach (var term in terms)
        {
            var known = term.IsPrefix
                ? f.Gte("_id", term.Word) & f.Lt("_id", term.Word + "{")
                : f.Eq("_id", term.Word);
            if (!term.MayCorrect || await _words.Find(known).Limit(1).AnyAsync(cancellationToken))
            {
                resolved.Add(term);
                continue;
            }

            var neighbours = TextFolding.Neighbours(term.Word).ToList();
            var found = await _words.Find(f.In("_id", neighbours)).Limit(50).ToListAsync(cancellationToken);
            resolved.Add(term.CorrectedTo(term.WithinOneEdit(found.Select(d => d["_id"].AsString))));
        }

        return resolved;
    }

    private static FilterDefinition<BsonDocument> WordFilter(string field, QueryTerm term)
    {
        var f = Builders<BsonDocument>.Filter;
        if (term.IsPrefix)
        {
            // A range on one array element ($elemMatch), the index-friendly form of "starts with".
            return f.ElemMatch<BsonValue>(field, new BsonDocument { { "$gte", term.Word }, { "$lt", term.Word + "{" } });
        }

        return f.In(field, term.Alternatives);
    }

    private static bool Matches(BsonArray words, QueryTerm term) =>
        words.Any(w => term.IsPrefix
            ? w.AsString.StartsWith(term.Word, StringComparison.Ordinal)
            : term.Alternatives.Contains(w.AsString));

    private static int Score(BsonDocument doc, IReadOnlyList<QueryTerm> terms)
    {
        var words = doc["words"].AsBsonArray;
        var score = 0;
        foreach (var term in terms)
        {
            score += words.Count(w => term.IsPrefix ? w.AsString.StartsWith(term.Word, StringComparison.Ordinal) : term.Alternatives.Contains(w.AsString));
        }

        return score;
    }

    private static BsonDocument ToDocument(ProductChange change)
    {
        var p = change.Product;
        var nameWords = TextFolding.Words(p?.Name);
        return new BsonDocument
        {
            { "_id", Id(change.ProductId) },
            { "version", change.Version },
            { "deleted", p is null },
            { "name", p?.Name ?? "" },
            { "description", p?.Description ?? "" },
            { "priceMinor", p?.PriceMinor ?? 0L },
            { "currency", p?.Currency ?? "" },
            { "category", p?.Category ?? "" },
            { "imageUrl", (BsonValue?)p?.ImageUrl ?? BsonNull.Value },
            { "stock", p?.Stock ?? 0 },
            { "createdAt", (p?.CreatedAt ?? change.OccurredAt).UtcDateTime },
            { "updatedAt", (p?.UpdatedAt ?? change.OccurredAt).UtcDateTime },
            { "nameWords", new BsonArray(nameWords.Distinct(StringComparer.Ordinal)) },
            { "words", new BsonArray(nameWords.Concat(TextFolding.Words(p?.Description))) },
        };
    }

    private static BsonBinaryData Id(Guid id) => new(id, GuidRepresentation.Standard);

    private static Guid Id(BsonValue value) => MongoDocuments.Id(value);
}
