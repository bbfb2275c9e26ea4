using Covacha.Search.Index;
using Covacha.Search.Model;

namespace Covacha.Search.Tests.Unit;

/// <summary>
/// The index's own bookkeeping, driven with feed entries directly (its search semantics are the
/// store contract's, checked against a real PostgreSQL in IndexedSearchStoreTests).
/// </summary>
public sealed class SearchIndexTests
{
    private long _sequence;

    private StoredChange Upsert(Guid id, string name, decimal price = 10m, string category = "home") =>
        new(++_sequence, id, _sequence, new StoredProduct(id, name, "", (long)(price * 100), "EUR", category, null, 1), DateTimeOffset.UnixEpoch.AddDays(_sequence));

    private StoredChange Delete(Guid id) => new(++_sequence, id, _sequence, null, DateTimeOffset.UnixEpoch);

    private static List<string> Names(SearchIndex index, string q, SearchSort sort = SearchSort.PriceAsc) =>
        index.Search(new SearchQuery(q, null, null, null, null, sort, 1, 50)).Items.Select(i => i.Name).ToList();

    [Fact]
    public void Apply_UpdateOfAnOlderProduct_JoinsAndLeavesWordListsInTheMiddle()
    {
        using var index = new SearchIndex();
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        index.Apply([Upsert(first, "Silla roble", 1m), Upsert(second, "Mesa compartida", 2m), Upsert(third, "Lámpara compartida", 3m)]);

        index.Apply([Upsert(first, "Silla compartida", 1m)]);

        Assert.Equal(["Silla compartida", "Mesa compartida", "Lámpara compartida"], Names(index, "compartida"));
        Assert.Empty(Names(index, "roble"));

        index.Apply([Delete(second)]);

        Assert.Equal(["Silla compartida", "Lámpara compartida"], Names(index, "compartida"));
        Assert.Equal(2, index.Count);
        Assert.Equal(_sequence, index.Position);
    }

    [Fact]
    public void Apply_DeleteOfUnknownProductThenRecreate_IsSearchableOnce()
    {
        using var index = new SearchIndex();
        var id = Guid.NewGuid();

        index.Apply([Delete(id), Upsert(id, "Taza azul"), Delete(id), Upsert(id, "Taza verde")]);

        Assert.Equal(["Taza verde"], Names(index, "taza"));
        Assert.Empty(Names(index, "azul"));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Search_ManyChunksOfChanges_KeepsPricesAndFacetsPerProduct()
    {
        using var index = new SearchIndex();
        var categories = new[] { "home", "books", "toys" };
        index.Apply(Enumerable.Range(0, 1_000).Select(i => Upsert(Guid.NewGuid(), $"Producto {i}", 1m + i, categories[i % 3])).ToList());

        var result = index.Search(new SearchQuery("producto", "books", 10_000, 19_999, null, SearchSort.PriceDesc, 1, 3, "EUR"));

        // Prices 100–199.99 are products 99–198; books are i % 3 == 1.
        Assert.Equal(["Producto 196", "Producto 193", "Producto 190"], result.Items.Select(i => i.Name));
        Assert.Equal(new Dictionary<string, long> { ["home"] = 34, ["books"] = 33, ["toys"] = 33 }, result.CategoryCounts);
        Assert.Equal(33, result.Total);
    }

    [Fact]
    public void Suggest_SeveralWords_NamesStartingWithThemComeFirstThenShorterNames()
    {
        using var index = new SearchIndex();
        index.Apply(
        [
            Upsert(Guid.NewGuid(), "Laptop Lenovo ThinkPad"),
            Upsert(Guid.NewGuid(), "Lenovo ThinkPad X1 Carbon Gen 11"),
            Upsert(Guid.NewGuid(), "Lenovo ThinkCentre"),
            Upsert(Guid.NewGuid(), "Lenovo Legion"),
        ]);

        var names = index.Suggest("lenovo THINK", 8).Select(s => s.Name);

        Assert.Equal(["Lenovo ThinkCentre", "Lenovo ThinkPad X1 Carbon Gen 11", "Laptop Lenovo ThinkPad"], names);
    }

    [Fact]
    public void Apply_CreateDeleteLoop_LeavesWordsPiecesOrdinalsAndMemoryFlat()
    {
        using var index = new SearchIndex();
        index.Apply([Upsert(Guid.NewGuid(), "Lámpara de pie permanente")]);
        var random = new Random(11);
        SearchIndex.IndexSizes? settled = null;
        for (var round = 0; round < 8; round++)
        {
            // (Before words were forgotten, each round added ~4,000 words and ~1 MB.)
            // Each round lists 2,000 products with words of their own, then deletes them all.
            var ids = Enumerable.Range(0, 2_000).Select(_ => Guid.NewGuid()).ToList();
            index.Apply(ids.Select(id => Upsert(id, $"Taza m{random.Next(1_000_000)} única r{round}x{random.Next(1_000_000)}")).ToList());
            Assert.Equal(2_001, index.Count);
            index.Apply(ids.Select(Delete).ToList());

            Assert.Equal(1, index.Count);
            var sizes = index.Sizes();
            Assert.Equal(4, sizes.Words);
            Assert.Equal(4, sizes.TypoCandidates);
            Assert.Equal(2_001, sizes.Ordinals);
            if (round == 1)
            {
                settled = sizes;
            }
            else if (round > 1)
            {
                Assert.Equal(settled!.Value.TextPieces, sizes.TextPieces);
                Assert.InRange(sizes.HeapBytes, 0, settled.Value.HeapBytes + 65_536);
            }
        }

        // The words of the deleted products are unknown now: a typo of one corrects to nothing
        // dead, and the product that stayed is still found.
        Assert.Empty(Names(index, "unica"));
        Assert.Equal(["Lámpara de pie permanente"], Names(index, "permanente"));
        Assert.Equal(["Lámpara de pie permanente"], Names(index, "permanetne"));
    }

    [Fact]
    public void Suggest_MisspeltOrUnaccentedWord_IsForgivenLikeSearches()
    {
        using var index = new SearchIndex();
        index.Apply(
        [
            Upsert(Guid.NewGuid(), "Cámara Canon EOS"),
            Upsert(Guid.NewGuid(), "Camera bag Lowepro"),
            Upsert(Guid.NewGuid(), "Silla de madera"),
        ]);

        // One typo in a word of five letters or more, accents ignored; names come back as listed.
        Assert.Equal(["Cámara Canon EOS", "Camera bag Lowepro"], index.Suggest("camra", 8).Select(s => s.Name).Order());
        Assert.Equal(["Cámara Canon EOS"], index.Suggest("CÁMARA can", 8).Select(s => s.Name));

        // Short words are not corrected (too many neighbours), as in searches.
        Assert.Empty(index.Suggest("sila", 8));
    }
}
