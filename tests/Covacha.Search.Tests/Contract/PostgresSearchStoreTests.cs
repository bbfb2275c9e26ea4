using Covacha.Search.Data.Postgres;
using Covacha.Search.Tests.Infrastructure;
using Covacha.Search.Data;
using Covacha.Search.Model;
using Npgsql;

namespace Covacha.Search.Tests.Contract;

/// <summary>The PostgreSQL leg: always runs, on a fresh database of the real server.</summary>
public sealed class PostgresStoreFixture : IAsyncLifetime
{
    private SearchDatabase? _database;

    public NpgsqlDataSource DataSource => _database!.DataSource;
    public PostgresSearchStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SearchDatabase.CreateAsync("searchc");
        Store = new PostgresSearchStore(DataSource);
        await Store.ApplyAsync(Catalogue.All.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class PostgresSearchStoreTests(PostgresStoreFixture fixture)
    : SearchStoreContract(fixture.Store), IClassFixture<PostgresStoreFixture>
{
    public static string? SkipReason => null;

    [Fact]
    public async Task Apply_ProductWithAccents_AddsFoldedWordsToVocabulary()
    {
        var word = TestProducts.UniqueWord();
        await fixture.Store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(name: "Ñandú " + word))], CancellationToken.None);

        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM words WHERE word = ANY($1)");
        command.Parameters.AddWithValue(new[] { "nandu", word });
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Apply_CreateDeleteLoop_LeavesTheVocabularyFlat()
    {
        var before = await WordCountAsync();
        for (var round = 0; round < 5; round++)
        {
            // Each round lists 20 products with words of their own, then deletes them all.
            var products = Enumerable.Range(0, 20)
                .Select(_ => TestProducts.Snapshot(name: TestProducts.UniqueWord(), description: TestProducts.UniqueWord()))
                .ToList();
            await fixture.Store.ApplyAsync(products.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
            Assert.Equal(before + 40, await WordCountAsync());
            await fixture.Store.ApplyAsync(products.Select(p => TestProducts.Delete(p.Id, 2)).ToList(), CancellationToken.None);
            Assert.Equal(before, await WordCountAsync());
        }
    }

    [Fact]
    public async Task Apply_DeletedOrRenamedProduct_ItsWordsNoLongerSuggestOrCorrectTypos()
    {
        var gone = TestProducts.UniqueWord();
        var renamed = TestProducts.UniqueWord();
        var deleted = TestProducts.Snapshot(name: "Lámpara " + gone);
        var updated = TestProducts.Snapshot(name: "Mesa " + renamed);
        await fixture.Store.ApplyAsync([TestProducts.Upsert(deleted), TestProducts.Upsert(updated)], CancellationToken.None);
        Assert.Equal([deleted.Id], Ids(await Search(Typo(gone))));
        Assert.Equal([updated.Id], (await fixture.Store.SuggestAsync(renamed[..8], 8, CancellationToken.None)).Select(s => s.Id));

        await fixture.Store.ApplyAsync(
            [TestProducts.Delete(deleted.Id, 2), TestProducts.Upsert(TestProducts.Snapshot(id: updated.Id, name: "Mesa", version: 2))],
            CancellationToken.None);

        Assert.Equal(0L, await UsesAsync(gone));
        Assert.Equal(0L, await UsesAsync(renamed));
        Assert.True(await UsesAsync("mesa") >= 1);
        Assert.Empty(Ids(await Search(Typo(gone))));
        Assert.Empty(await fixture.Store.SuggestAsync(Typo(renamed), 8, CancellationToken.None));
        Assert.Empty(await fixture.Store.SuggestAsync(renamed[..8], 8, CancellationToken.None));
    }

    [Fact]
    public async Task Apply_WordStillUsedByAnotherProduct_StaysAndStillCorrectsTypos()
    {
        var shared = TestProducts.UniqueWord();
        var first = TestProducts.Snapshot(name: "Silla " + shared);
        var second = TestProducts.Snapshot(name: "Banco", description: "Como " + shared + ", " + shared + " y más");
        await fixture.Store.ApplyAsync([TestProducts.Upsert(first), TestProducts.Upsert(second)], CancellationToken.None);
        Assert.Equal(2L, await UsesAsync(shared));

        await fixture.Store.ApplyAsync([TestProducts.Delete(first.Id, 2)], CancellationToken.None);

        Assert.Equal(1L, await UsesAsync(shared));
        Assert.Equal([second.Id], Ids(await Search(Typo(shared))));
    }

    [Fact]
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
                await fixture.Store.ApplyAsync(products.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
                await fixture.Store.ApplyAsync(
                    [
                        TestProducts.Upsert(TestProducts.Snapshot(id: products[0].Id, name: sharedWords[random.Next(sharedWords.Length)], version: 2)),
                        TestProducts.Delete(products[1].Id, 2),
                        TestProducts.Delete(products[2].Id, 2),
                    ],
                    CancellationToken.None);
            }
        })).ToList();
        await Task.WhenAll(writers);

        await using var command = fixture.DataSource.CreateCommand(
            """
            WITH recount AS (
                SELECT w AS word, count(*) AS uses FROM products, unnest(tsvector_to_array(document)) AS w
                WHERE NOT deleted GROUP BY w)
            SELECT (SELECT count(*) FROM (SELECT word, uses FROM words EXCEPT SELECT word, uses FROM recount) a)
                 + (SELECT count(*) FROM (SELECT word, uses FROM recount EXCEPT SELECT word, uses FROM words) b)
            """);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
        // Each writer keeps 3 of every 5 products, each with at least one shared word.
        Assert.True(await SumUsesAsync(sharedWords) >= 8 * 10 * 3);
    }

    private static string Typo(string word) => word[..^1] + "z";

    private static List<Guid> Ids(StoreSearchResult result) => result.Items.Select(i => i.Id).ToList();

    private Task<StoreSearchResult> Search(string text) => fixture.Store.SearchAsync(
        new SearchQuery(text, null, null, null, null, SearchSort.Relevance, 1, 20, null), CancellationToken.None);

    private async Task<long> WordCountAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM words");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> UsesAsync(string word) => await SumUsesAsync([word]);

    private async Task<long> SumUsesAsync(string[] words)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT coalesce(sum(uses), 0)::bigint FROM words WHERE word = ANY($1)");
        command.Parameters.AddWithValue(words);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
