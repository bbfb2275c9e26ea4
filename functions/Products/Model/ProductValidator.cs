using System.Globalization;
using Covacha.Shared.Http;
using Covacha.Shared.Money;

namespace Covacha.Products.Model;

/// <summary>Checks a client's product against every rule and normalises it (trimmed text, default currency, minor units).</summary>
public sealed class ProductValidator(IReadOnlyList<CurrencyInfo> currencies)
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 4000;

    public IReadOnlyList<CurrencyInfo> Currencies => currencies;

    /// <summary>The valid fields, or a problem: 400 for a read-only field, 422 naming every invalid field.</summary>
    public (ProductFields? Fields, ApiProblem? Problem) Validate(ProductInput input)
    {
        if (input.ReadOnlyFieldSent() is { } readOnly)
        {
            return (null, Problems.BadRequest(readOnly, "This field is set by the server and may not be sent."));
        }

        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "Required.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"At most {MaxNameLength} characters.");
        }

        var description = input.Description?.Trim() ?? "";
        errors.AddIf(description.Length > MaxDescriptionLength, "description", $"At most {MaxDescriptionLength} characters.");

        var code = input.Currency ?? currencies[0].Code;
        var currency = currencies.FirstOrDefault(c => c.Code == code);
        errors.AddIf(currency is null, "currency", $"Must be one of {string.Join(", ", currencies.Select(c => c.Code))}.");

        long priceMinor = 0;
        if (input.Price is not { } price)
        {
            errors.Add("price", "Required.");
        }
        else if (currency is null)
        {
            errors.AddIf(price <= 0, "price", "Must be greater than 0.");
        }
        else if (PriceProblem(price, currency, out priceMinor) is { } priceProblem)
        {
            errors.Add("price", priceProblem);
        }

        if (string.IsNullOrEmpty(input.Category))
        {
            errors.Add("category", "Required.");
        }
        else if (!Category.IsKnown(input.Category))
        {
            errors.Add("category", "Must be one of the ids from GET /api/products/categories.");
        }

        var imageUrl = string.IsNullOrWhiteSpace(input.ImageUrl) ? null : input.ImageUrl.Trim();
        if (imageUrl is not null && ImageUrlRule.Check(imageUrl) is { } imageProblem)
        {
            errors.Add("imageUrl", imageProblem);
        }

        if (input.Stock is not { } stock)
        {
            errors.Add("stock", "Required.");
        }
        else if (stock < 0)
        {
            errors.Add("stock", "Must be 0 or more.");
        }

        return errors.ToProblem() is { } problem
            ? (null, problem)
            : (new ProductFields(name!, description, priceMinor, code, input.Category!, imageUrl, input.Stock!.Value), null);
    }

    /// <summary>
    /// The price is a JSON number in major units of its currency (pesos, not centavos); messages
    /// name the currency and show the format, because a wrong unit is the usual mistake.
    /// </summary>
    private static string? PriceProblem(decimal price, CurrencyInfo currency, out long minor)
    {
        minor = 0;
        var example = currency.Exponent == 0 ? "1200000" : "1200000 or 1200000." + new string('5', currency.Exponent);
        if (price <= 0)
        {
            return $"Must be greater than 0 {currency.Code}.";
        }

        if (price > currency.MaxPrice)
        {
            return $"At most {currency.MaxPrice.ToString("#,0.##", CultureInfo.InvariantCulture)} {currency.Code} "
                + $"(a number in {currency.Code}, such as {example}).";
        }

        if (Money.ToMinor(price, currency.Code) is not { } exact)
        {
            return currency.Exponent == 0
                ? $"{currency.Code} has no decimals; send a whole number such as {example}."
                : $"{currency.Code} has at most {currency.Exponent} decimals, such as {example}.";
        }

        minor = exact;
        return null;
    }
}
