using Covacha.Products.Functions;
using Covacha.Products.Messaging;
using Covacha.Products.Model;

namespace Covacha.Products.Tests.Unit;

public sealed class ETagsTests
{
    [Theory]
    [InlineData("\"3\"", 3, true)]
    [InlineData("\"2\", \"3\"", 3, true)]
    [InlineData("*", 3, true)]
    [InlineData("\"2\"", 3, false)]
    [InlineData("W/\"3\"", 3, false)]
    [InlineData("3", 3, false)]
    [InlineData("", 3, false)]
    public void Matches_HeaderAgainstVersion_StrongComparison(string header, long version, bool expected) =>
        Assert.Equal(expected, ETags.Matches(header, version));

    [Fact]
    public void For_Version_IsQuotedNumber() => Assert.Equal("\"12\"", ETags.For(12));
}

public sealed class BrokerStatusTests
{
    [Fact]
    public void UnreachableFor_GrowsFromFirstFailureAndResetsWhenReachable()
    {
        var clock = new ManualClock();
        var status = new BrokerStatus(clock);
        Assert.Equal(TimeSpan.Zero, status.UnreachableFor);

        status.MarkUnreachable();
        clock.Advance(TimeSpan.FromSeconds(30));
        status.MarkUnreachable();
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(TimeSpan.FromSeconds(61), status.UnreachableFor);

        status.MarkReachable();
        Assert.Equal(TimeSpan.Zero, status.UnreachableFor);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed class ProductValidatorTests
{
    private readonly ProductValidator _validator = new(
        [new CurrencyInfo("COP", 2, 2_000_000_000m, true), new CurrencyInfo("USD", 2, 500_000m, false), new CurrencyInfo("JPY", 0, 50_000_000m, false)]);

    [Fact]
    public void Validate_Valid_TrimsAndDefaultsCurrency()
    {
        var (fields, problem) = _validator.Validate(new ProductInput("  Lámpara  ", null, 10m, null, "home", "  ", 0));
        Assert.Null(problem);
        Assert.Equal("Lámpara", fields!.Name);
        Assert.Equal("", fields.Description);
        Assert.Equal("COP", fields.Currency);
        Assert.Null(fields.ImageUrl);
    }

    [Fact]
    public void Validate_SeveralInvalid_NamesEveryField()
    {
        var (_, problem) = _validator.Validate(new ProductInput("", null, 0m, "EUR", "x", "http://a.com", -1));
        Assert.Equal(422, problem!.Status);
        Assert.Equal(["category", "currency", "imageUrl", "name", "price", "stock"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public void Validate_LaptopInPesos_IsAcceptedInMinorUnits()
    {
        var (fields, problem) = _validator.Validate(new ProductInput("Portátil", null, 3_500_000m, "COP", "electronics", null, 1));

        Assert.Null(problem);
        Assert.Equal(350_000_000L, fields!.PriceMinor);
    }

    [Theory]
    [InlineData("COP", "2000000000.01", "At most 2,000,000,000 COP (a number in COP, such as 1200000 or 1200000.55).")]
    [InlineData("USD", "500001", "At most 500,000 USD (a number in USD, such as 1200000 or 1200000.55).")]
    [InlineData("COP", "1.205", "COP has at most 2 decimals, such as 1200000 or 1200000.55.")]
    [InlineData("JPY", "1.5", "JPY has no decimals; send a whole number such as 1200000.")]
    public void Validate_PriceBeyondItsCurrency_NamesCurrencyAndFormat(string currency, string price, string message)
    {
        var (_, problem) = _validator.Validate(new ProductInput("x", null, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), currency, "home", null, 1));

        Assert.Equal(message, problem!.Errors!["price"][0]);
    }
}
