using Covacha.Search.Data;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// The typo-correction vocabulary of a read-model store holds exactly the words some live product
/// uses, each with the number of live products using it: a create/delete loop leaves it flat, a
/// word still used elsewhere stays, and concurrent writers leave counts equal to a recount.
/// Written once; each store's class supplies how to read its vocabulary.
/// </summary>
public abstract class VocabularyContract(ISearchStore store)
{
    /// <summary>How many live products use <paramref name="word"/> (0 when the vocabulary lacks it).</summary>
    protected abstract Task<long> UsesAsync(string word);

    protected abstract Task<long> WordCountAsync();

    /// <summary>Words whose count differs from a recount over the live products (0 when exact).</summary>
    protected abstract Task<long> DifferencesFromRecountAsync();

    [StoreFact]
    public async Task Apply_CreateDeleteLoop_LeavesTheVocabularyFlat()
    {
        var before = await WordCountAsync();
        for (var round = 0; round < 5; round++)
        {
            // Each round lists 20 products with words of their own, then deletes them all.
            var products = Enumerable.Range(0, 20)
                .Select(_ => TestProducts.Snapshot(name: TestProducts.UniqueWord(), description: TestProducts.UniqueWord()))
                .ToList();
            await store.ApplyAsync(products.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
            Assert.Equal(before + 40, await WordCountAsync());
            await store.ApplyAsync(products.Select(p => TestProducts.Delete(p.Id, 2)).ToList(), CancellationToken.None);
            Assert.Equal(before, await WordCountAsync());
        }
    }

    [StoreFact]
    public async Task Apply_DeletedOrRenamedProduct_ItsWordsNoLongerSuggestOrCorrectTypos()
    {
        var gone = TestProducts.UniqueWord();
        var renamed = TestProducts.UniqueWord();
        var deleted = TestProducts.Snapshot(name: "Lámpara " + gone);
        var updated = TestProducts.Snapshot(name: "Mesa " + renamed);
        await store.ApplyAsync([TestProducts.Upsert(deleted), TestProducts.Upsert(updated)], CancellationToken.None);
        Assert.Equal([deleted.Id], Ids(await Search(Typo(gone))));
        Assert.Equal([updated.Id], (await store.SuggestAsync(renamed[..8], 8, CancellationToken.None)).Select(s => s.Id));

        await store.ApplyAsync(
            [TestProducts.Delete(deleted.Id, 2), TestProducts.Upsert(TestProducts.Snapshot(id: updated.Id, name: "Mesa", version: 2))],
            CancellationToken.None);

        Assert.Equal(0L, await UsesAsync(gone));
        Assert.Equal(0L, await UsesAsync(renamed));
        Assert.True(await UsesAsync("mesa") >= 1);
        Assert.Empty(Ids(await Search(Typo(gone))));
        Assert.Empty(await store.SuggestAsync(Typo(renamed), 8, CancellationToken.None));
        Assert.Empty(await store.SuggestAsync(renamed[..8], 8, CancellationToken.None));
    }

    [StoreFact]
    public async Task Apply_WordStillUsedByAnotherProduct_StaysAndStillCorrectsTypos()
    {
        var shared = TestProducts.UniqueWord();
        var first = TestProducts.Snapshot(name: "Silla " + shared);
        var second = TestProducts.Snapshot(name: "Banco", description: "Como " + shared + ", " + shared + " y más");
        await store.ApplyAsync([TestProducts.Upsert(first), TestProducts.Upsert(second)], CancellationToken.None);
        Assert.Equal(2L, await UsesAsync(shared));

        await store.ApplyAsync([TestProducts.Delete(first.Id, 2)], CancellationToken.None);

        Assert.Equal(1L, await UsesAsync(shared));
        Assert.Equal([second.Id], Ids(await Search(Typo(shared))));
    }

    [StoreFact]
    public async Task Apply_ConcurrentWritersSharingWords_LeaveExactCounts()
    {
        // Eight writers at once, each creating, renaming and deleting products over a small
        // shared vocabulary plus words of their own; the counts must equal a recount.
        var sharedWords = Enumerable.Range(0, 6).Select(_ => TestProducts.UniqueWord()).ToArray();
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var round = 0; round < 10; round++)
            {
                var products = Enumerable.Range(0, 5).Select(_ => TestProducts.Snapshot(
                    name: sharedWords[random.Next(sharedWords.Length)] + " " + TestProducts.UniqueWord(),
                    description: sharedWords[random.Next(sharedWords.Length)])).ToList();
                await store.ApplyAsync(products.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
                await store.ApplyAsync(
                    [
                        TestProducts.Upsert(TestProducts.Snapshot(id: products[0].Id, name: sharedWords[random.Next(sharedWords.Length)], version: 2)),
                        TestProducts.Delete(products[1].Id, 2),
                        TestProducts.Delete(products[2].Id, 2),
                    ],
                    CancellationToken.None);
            }
        })).ToList();
        await Task.WhenAll(writers);

        Assert.Equal(0L, await DifferencesFromRecountAsync());
        // Each writer keeps 3 of every 5 products, each with at least one shared word.
        long shared = 0;
        foreach (var word in sharedWords)
        {
            shared += await UsesAsync(word);
        }

        Assert.True(shared >= 8 * 10 * 3);
    }

    private static string Typo(string word) => word[..^1] + "z";

    private static List<Guid> Ids(StoreSearchResult result) => result.Items.Select(i => i.Id).ToList();

    private Task<StoreSearchResult> Search(string text) => store.SearchAsync(
        new SearchQuery(text, null, null, null, null, SearchSort.Relevance, 1, 20, null), CancellationToken.None);
}

public sealed class PostgresVocabularyTests(PostgresStoreFixture fixture)
    : VocabularyContract(fixture.Store), IClassFixture<PostgresStoreFixture>
{
    public static string? SkipReason => null;

    protected override async Task<long> UsesAsync(string word)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT coalesce(sum(uses), 0)::bigint FROM words WHERE word = $1");
        command.Parameters.AddWithValue(word);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override async Task<long> WordCountAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM words");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override async Task<long> DifferencesFromRecountAsync()
    {
        await using var command = fixture.DataSource.CreateCommand(
            """
            WITH recount AS (
                SELECT w AS word, count(*) AS uses FROM products, unnest(tsvector_to_array(document)) AS w
                WHERE NOT deleted GROUP BY w)
            SELECT (SELECT count(*) FROM (SELECT word, uses FROM words EXCEPT SELECT word, uses FROM recount) a)
                 + (SELECT count(*) FROM (SELECT word, uses FROM recount EXCEPT SELECT word, uses FROM words) b)
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class MongoVocabularyTests(MongoStoreFixture fixture)
    : VocabularyContract(fixture.Store), IClassFixture<MongoStoreFixture>
{
    public static string? SkipReason => MongoStoreFixture.Unavailable();

    private IMongoCollection<BsonDocument> Words => fixture.Database.GetCollection<BsonDocument>("words");

    protected override async Task<long> UsesAsync(string word)
    {
        var found = await Words.Find(Builders<BsonDocument>.Filter.Eq("_id", word)).FirstOrDefaultAsync();
        return found is null ? 0 : found["uses"].ToInt64();
    }

    protected override Task<long> WordCountAsync() => Words.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);

    protected override async Task<long> DifferencesFromRecountAsync()
    {
        var recount = await fixture.Database.GetCollection<BsonDocument>("products")
            .Aggregate()
            .Match(Builders<BsonDocument>.Filter.Eq("deleted", false))
            .Project(new BsonDocument("w", new BsonDocument("$setUnion", new BsonArray { "$words", new BsonArray() })))
            .Unwind("w")
            .Group(new BsonDocument { { "_id", "$w" }, { "uses", new BsonDocument("$sum", 1) } })
            .ToListAsync();
        var counted = (await Words.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())
            .ToDictionary(d => d["_id"].AsString, d => d["uses"].ToInt64());
        var expected = recount.ToDictionary(d => d["_id"].AsString, d => d["uses"].ToInt64());
        return expected.Count(e => !counted.TryGetValue(e.Key, out var uses) || uses != e.Value)
            + counted.Keys.Count(k => !expected.ContainsKey(k));
    }
}
