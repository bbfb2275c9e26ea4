using Covacha.Search.Data;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using static Covacha.Search.Tests.Contract.Catalogue;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// The search semantics every read-model store must have, written once. Each store's test class
/// derives from it with a fixture that loads <see cref="Catalogue"/>.
/// </summary>
public abstract class SearchStoreContract(ISearchStore store)
{
    protected ISearchStore Store { get; } = store;

    /// <summary>Prices in major units of the catalogue's EUR (the query carries them in cents).</summary>
    private Task<StoreSearchResult> Search(string q = "", string? category = null, decimal? min = null, decimal? max = null,
        bool? inStock = null, SearchSort sort = SearchSort.Relevance, int page = 1, int pageSize = 20, string? currency = null) =>
        Store.SearchAsync(
            new SearchQuery(q, category, (long?)(min * 100), (long?)(max * 100), inStock, sort, page, pageSize, currency),
            CancellationToken.None);

    private static List<Guid> Ids(StoreSearchResult result) => result.Items.Select(i => i.Id).ToList();

    [StoreFact]
    public async Task Search_AccentAndCaseDiffer_StillMatches()
    {
        foreach (var q in new[] { "camara", "CÁMARA", "Camara" })
        {
            var ids = Ids(await Search(q));
            Assert.Contains(Camara, ids);
            Assert.Contains(Tripode, ids);
            Assert.Contains(Mochila, ids);
        }

        Assert.Contains(Sarten, Ids(await Search("sarten")));
        Assert.Contains(SenorAnillos, Ids(await Search("SENOR anillos")));
    }

    [StoreFact]
    public async Task Search_NameMatch_RanksAboveDescriptionMatch()
    {
        var ids = Ids(await Search("camara"));

        Assert.Equal(3, ids.Count);
        Assert.Equal(Mochila, ids[^1]);
    }

    [StoreFact]
    public async Task Search_LastWordIsPartial_MatchesAsPrefix()
    {
        var ids = Ids(await Search("lapt"));
        Assert.Equal(new[] { FundaLaptop, Laptop, Mochila }.Order(), ids.Order());

        Assert.Equal([Laptop], Ids(await Search("lenovo think")));
    }

    [StoreFact]
    public async Task Search_OneTypoInLongWord_IsTolerated()
    {
        var ids = Ids(await Search("camra"));
        Assert.Contains(Camara, ids);
        Assert.Contains(Tripode, ids);

        Assert.Contains(Auriculares, Ids(await Search("auriculars inalambricos")));
        Assert.Contains(Headphones, Ids(await Search("wireles headphones")));
    }

    [StoreFact]
    public async Task Search_TypoInShortWordOrTwoTypos_IsNotCorrected()
    {
        Assert.Empty(Ids(await Search("zom")));
        Assert.Empty(Ids(await Search("kamrea")));
    }

    [StoreFact]
    public async Task Search_SeveralWords_AllMustMatch()
    {
        Assert.Equal([Tripode], Ids(await Search("cámara trípode")));
        Assert.Equal([Mochila], Ids(await Search("mochila laptop")));
        Assert.Empty(Ids(await Search("sartén laptop")));
    }

    [StoreFact]
    public async Task Search_SpanishAndEnglish_BothFound()
    {
        Assert.Equal([SenorAnillos], Ids(await Search("fantasía")));
        Assert.Equal([LordRings], Ids(await Search("fantasy")));
        Assert.Equal(new[] { SenorAnillos, LordRings }.Order(), Ids(await Search("tolkien")).Order());
        Assert.Equal([Headphones], Ids(await Search("noise cancelling")));
        Assert.Equal([Auriculares], Ids(await Search("cancelación de ruido")));
    }

    [StoreFact]
    public async Task Search_Filters_RestrictByPriceCategoryAndStock()
    {
        var electronics = await Search(category: "electronics");
        Assert.Equal(new[] { Camara, Laptop, Tripode, Headphones, Auriculares }.Order(), Ids(electronics).Order());
        Assert.Equal(5, electronics.Total);

        var band = await Search(category: "electronics", min: 45m, max: 149m);
        Assert.Equal(new[] { Tripode, Headphones, Auriculares }.Order(), Ids(band).Order());

        var inStock = await Search(category: "electronics", inStock: true);
        Assert.Equal(new[] { Camara, Tripode, Headphones }.Order(), Ids(inStock).Order());

        Assert.Equal([Headphones], Ids(await Search("headphones", category: "electronics", min: 100m, inStock: true)));
    }

    [StoreFact]
    public async Task Search_SortOrders_AreApplied()
    {
        var asc = await Search(category: "electronics", sort: SearchSort.PriceAsc);
        Assert.Equal([Tripode, Auriculares, Headphones, Camara, Laptop], Ids(asc));

        var desc = await Search(category: "electronics", sort: SearchSort.PriceDesc);
        Assert.Equal([Laptop, Camara, Headphones, Auriculares, Tripode], Ids(desc));

        var newest = await Search(category: "electronics", sort: SearchSort.Newest);
        Assert.Equal([Auriculares, Headphones, Tripode, Laptop, Camara], Ids(newest));

        var textByPrice = await Search("lapt", sort: SearchSort.PriceAsc);
        Assert.Equal([FundaLaptop, Mochila, Laptop], Ids(textByPrice));
    }

    [StoreFact]
    public async Task Search_PriceSortAndFilterInOneCurrency_NeverMixCurrencies()
    {
        var word = TestProducts.UniqueWord();
        var pesos = TestProducts.Snapshot(name: $"{word} pesos", price: 6_000m, currency: "COP");
        var cheapPesos = TestProducts.Snapshot(name: $"{word} cheap pesos", price: 1_200_000m, currency: "COP");
        var dollars = TestProducts.Snapshot(name: $"{word} dollars", price: 1_199m, currency: "USD");
        var yen = TestProducts.Snapshot(name: $"{word} yen", price: 3_000m, currency: "JPY");
        await Store.ApplyAsync([.. new[] { pesos, cheapPesos, dollars, yen }.Select(TestProducts.Upsert)], CancellationToken.None);

        var byPrice = await Store.SearchAsync(
            new SearchQuery(word, null, null, null, null, SearchSort.PriceAsc, 1, 20, "COP"), CancellationToken.None);
        Assert.Equal([pesos.Id, cheapPesos.Id], Ids(byPrice));
        Assert.Equal(6_000m, byPrice.Items[0].Price);
        Assert.Equal(600_000L, byPrice.Items[0].PriceMinor);

        // 1.000 to 5.000 pesos: neither COP item, and never the USD 1,199 one.
        var band = await Store.SearchAsync(
            new SearchQuery(word, null, 100_000, 500_000, null, SearchSort.Relevance, 1, 20, "COP"), CancellationToken.None);
        Assert.Empty(Ids(band));

        var yenBand = await Store.SearchAsync(
            new SearchQuery(word, null, 1_000, 5_000, null, SearchSort.PriceDesc, 1, 20, "JPY"), CancellationToken.None);
        Assert.Equal([yen.Id], Ids(yenBand));
        Assert.Equal(3_000m, yenBand.Items[0].Price);

        Assert.Equal(4, (await Search(word)).Total);
    }

    [StoreFact]
    public async Task Search_Pages_AreStableWithCorrectTotal()
    {
        foreach (var sort in Enum.GetValues<SearchSort>())
        {
            var seen = new List<Guid>();
            for (var page = 1; page <= 3; page++)
            {
                var result = await Search("cuaderno", sort: sort, page: page, pageSize: 3);
                Assert.Equal(7, result.Total);
                seen.AddRange(Ids(result));
                Assert.Equal(Ids(result), Ids(await Search("cuaderno", sort: sort, page: page, pageSize: 3)));
            }

            Assert.Equal(Cuadernos.Order(), seen.Order());
        }
    }

    [StoreFact]
    public async Task Search_Facets_CountCurrentQueryWithoutCategoryFilter()
    {
        var result = await Search("camara", category: "electronics");

        Assert.Equal(2, result.Total);
        Assert.Equal(new Dictionary<string, long> { ["electronics"] = 2, ["sports"] = 1 }, result.CategoryCounts);

        var notebooks = await Search("cuaderno", min: 5m);
        Assert.Equal(5, notebooks.Total);
        Assert.Equal(new Dictionary<string, long> { ["books"] = 3, ["home"] = 2 }, notebooks.CategoryCounts);
    }

    [StoreFact]
    public async Task Search_MoreMatchesThanTheWindow_TotalAndFacetsReadTheCap()
    {
        var word = TestProducts.UniqueWord();
        await Store.ApplyAsync(
            Enumerable.Range(0, SearchQuery.MaxResultWindow + 5)
                .Select(i => TestProducts.Upsert(TestProducts.Snapshot(name: $"{word} {i}")))
                .ToList(),
            CancellationToken.None);

        var result = await Search(word);

        Assert.Equal(SearchQuery.MaxResultWindow, result.Total);
        Assert.Equal(SearchQuery.MaxResultWindow, result.CategoryCounts["other"]);
    }

    [StoreFact]
    public async Task Search_QueryOfOnlySymbols_BrowsesEverything()
    {
        var result = await Search("¿¡!?", category: "books");
        Assert.Equal(6, result.Total);
    }

    [StoreFact]
    public async Task Suggest_PartialWord_ReturnsNamesStartingWithIt()
    {
        var suggestions = await Store.SuggestAsync("cám", 8, CancellationToken.None);
        var ids = suggestions.Select(s => s.Id).ToList();

        Assert.Equal(new[] { Camara, Tripode, CameraStrap }.Order(), ids.Order());
        Assert.Equal("Camera strap", suggestions[0].Name);
        Assert.Empty(await Store.SuggestAsync("  ", 8, CancellationToken.None));
        Assert.True((await Store.SuggestAsync("c", 3, CancellationToken.None)).Count <= 3);
    }

    [StoreFact]
    public async Task Suggest_OneTypoInLongWord_IsForgivenLikeSearches()
    {
        var suggestions = await Store.SuggestAsync("camra", 8, CancellationToken.None);
        var ids = suggestions.Select(s => s.Id).ToList();

        Assert.Contains(Camara, ids);
        Assert.Contains(Tripode, ids);

        // Names come back as listed, accents and all (the client highlights on its own folding).
        Assert.Contains("Cámara digital Canon", suggestions.Select(s => s.Name));
        Assert.Contains(Auriculares, (await Store.SuggestAsync("auriculars", 8, CancellationToken.None)).Select(s => s.Id));
    }

    [StoreFact]
    public async Task Apply_SameChangeTwice_AppliesOnce()
    {
        var word = TestProducts.UniqueWord();
        var snapshot = TestProducts.Snapshot(name: "Twice " + word);

        Assert.Equal(1, await Store.ApplyAsync([TestProducts.Upsert(snapshot)], CancellationToken.None));
        Assert.Equal(0, await Store.ApplyAsync([TestProducts.Upsert(snapshot)], CancellationToken.None));
        Assert.Single(Ids(await Search(word)));
    }

    [StoreFact]
    public async Task Apply_OlderVersionAfterNewer_IsIgnored()
    {
        var word = TestProducts.UniqueWord();
        var id = Guid.NewGuid();
        await Store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "Second " + word, version: 2))], CancellationToken.None);
        var applied = await Store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "First " + word, version: 1))], CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Equal("Second " + word, Assert.Single((await Search(word)).Items).Name);
    }

    [StoreFact]
    public async Task Apply_LateUpdateAfterDelete_DoesNotResurrect()
    {
        var word = TestProducts.UniqueWord();
        var id = Guid.NewGuid();
        await Store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "Doomed " + word, version: 1))], CancellationToken.None);
        await Store.ApplyAsync([TestProducts.Delete(id, 3)], CancellationToken.None);
        var late = await Store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(id, "Doomed again " + word, version: 2))], CancellationToken.None);

        Assert.Equal(0, late);
        Assert.Empty(Ids(await Search(word)));
    }

    [StoreFact]
    public async Task Apply_BatchWithSeveralVersionsOfOneProduct_KeepsNewest()
    {
        var word = TestProducts.UniqueWord();
        var id = Guid.NewGuid();
        await Store.ApplyAsync(
        [
            TestProducts.Upsert(TestProducts.Snapshot(id, "Three " + word, version: 3)),
            TestProducts.Upsert(TestProducts.Snapshot(id, "One " + word, version: 1)),
            TestProducts.Upsert(TestProducts.Snapshot(id, "Two " + word, version: 2)),
        ], CancellationToken.None);

        Assert.Equal("Three " + word, Assert.Single((await Search(word)).Items).Name);
    }
}
