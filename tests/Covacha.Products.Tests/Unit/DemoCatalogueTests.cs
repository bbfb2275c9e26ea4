using Covacha.Products.Demo;

namespace Covacha.Products.Tests.Unit;

public sealed class DemoCatalogueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_TwiceWithTheSameCount_GivesTheSameListings()
    {
        var first = DemoCatalogue.Generate(300, Now);
        var second = DemoCatalogue.Generate(300, Now);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_TheLargestCount_GivesDistinctNamesInSpanish()
    {
        var products = DemoCatalogue.Generate(DemoCatalogue.MaxCount, Now);

        Assert.Equal(DemoCatalogue.MaxCount, products.Select(p => p.Input.Name).Distinct().Count());
        Assert.Contains(products, p => p.Input.Name!.StartsWith("Bicicleta de ruta", StringComparison.Ordinal));
        Assert.Contains(products, p => p.Input.Name!.StartsWith("Portátil", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cable ", 10_000, 50_000)]
    [InlineData("Celular ", 300_000, 3_900_000)]
    [InlineData("Motocicleta ", 4_800_000, 16_500_000)]
    [InlineData("Café ", 5_000, 95_000)]
    public void Generate_PricesInPesos_FitWhatIsSold(string kind, decimal lowest, decimal highest)
    {
        var prices = DemoCatalogue.Generate(DemoCatalogue.MaxCount, Now)
            .Where(p => p.Input.Name!.StartsWith(kind, StringComparison.Ordinal)).Select(p => p.Input.Price!.Value).ToList();

        Assert.NotEmpty(prices);
        Assert.All(prices, price => Assert.InRange(price, lowest, highest));
        Assert.All(prices, price => Assert.Equal(0, price % 100));
    }

    [Fact]
    public void Generate_ListingTimes_SpreadOverTheLastEightWeeks()
    {
        var listed = DemoCatalogue.Generate(300, Now).Select(p => p.ListedAt).ToList();

        Assert.All(listed, t => Assert.InRange(t, Now.AddDays(-56).AddMinutes(-1), Now.AddMinutes(-1)));
        Assert.True(listed.Count(t => t > Now.AddDays(-7)) is > 10 and < 100);
    }

    [Fact]
    public void Generate_NoImages_AndSomeOutOfStock()
    {
        var products = DemoCatalogue.Generate(300, Now);

        Assert.All(products, p => Assert.Null(p.Input.ImageUrl));
        Assert.Contains(products, p => p.Input.Stock == 0);
        Assert.All(products, p => Assert.True(p.Input.Stock >= 0));
    }
}
