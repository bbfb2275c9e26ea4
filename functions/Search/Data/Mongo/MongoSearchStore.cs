using Covacha.Search.Model;
using Covacha.Search.Text;
using Covacha.Shared.Money;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Covacha.Search.Data.Mongo;

/// <summary>
/// The read model in MongoDB (the store on AKS): one document per product with its folded words
/// in a multikey index, a vocabulary collection for typo correction, majority writes. Word
/// matching uses equality and ranges over the folded words; no regular expression is ever built
/// from user input.
/// </summary>
public sealed class MongoSearchStore : ISearchStore
{
    public const int RankCandidates = 200;
    public const int CountLimit = SearchQuery.MaxResultWindow;

    private readonly IMongoCollection<BsonDocument> _products;
    private readonly IMongoCollection<BsonDocument> _words;

    public MongoSearchStore(IMongoDatabase database)
    {
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

        // Upsert guarded by version: an existing newer (or equal) row makes the filter miss and the
        // upsert collide on _id, which is exactly "not applied".
        var writes = batch.Select(c => new ReplaceOneModel<BsonDocument>(
            Builders<BsonDocument>.Filter.Eq("_id", Id(c.ProductId)) & Builders<BsonDocument>.Filter.Lt("version", c.Version),
            ToDocument(c)) { IsUpsert = true }).ToList();
        long applied;
        try
        {
            var result = await _products.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            applied = result.Upserts.Count + result.ModifiedCount;
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey) && ex.WriteConcernError is null)
        {
            applied = ex.Result.Upserts.Count + ex.Result.ModifiedCount;
        }

        var vocabulary = batch.Where(c => c.Product is not null)
            .SelectMany(c => TextFolding.Words(c.Product!.Name).Concat(TextFolding.Words(c.Product.Description)))
            .Distinct(StringComparer.Ordinal)
            .Select(w => new UpdateOneModel<BsonDocument>(
                Builders<BsonDocument>.Filter.Eq("_id", w), Builders<BsonDocument>.Update.SetOnInsert("_id", w)) { IsUpsert = true })
            .ToList();
        if (vocabulary.Count > 0)
        {
            try
            {
                await _words.BulkWriteAsync(vocabulary, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            }
            catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
            {
                // Another writer added the same word at the same moment.
            }
        }

        return (int)applied;
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

        var items = page.Select(d => new StoredProduct(
            Id(d["_id"]), d["name"].AsString, d["description"].AsString, d["priceMinor"].ToInt64(), d["currency"].AsString,
            d["category"].AsString, d["imageUrl"].IsBsonNull ? null : d["imageUrl"].AsString, d["stock"].AsInt32)).ToList();
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

    private static Guid Id(BsonValue value) => value.AsBsonBinaryData.ToGuid(GuidRepresentation.Standard);
}
