using Covacha.Shared.Http;

namespace Covacha.Products.Model;

/// <summary>Checks a client's product against every rule and normalises it (trimmed text, default currency).</summary>
public sealed class ProductValidator(IReadOnlyList<string> currencies, string defaultCurrency)
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 4000;
    public const decimal MaxPrice = 1_000_000m;

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

        if (input.Price is not { } price)
        {
            errors.Add("price", "Required.");
        }
        else if (price <= 0)
        {
            errors.Add("price", "Must be greater than 0.");
        }
        else if (price > MaxPrice)
        {
            errors.Add("price", "At most 1000000.");
        }
        else if (decimal.Round(price, 2) != price)
        {
            errors.Add("price", "At most two decimals.");
        }

        var currency = input.Currency ?? defaultCurrency;
        errors.AddIf(!currencies.Contains(currency), "currency", $"Must be one of {string.Join(", ", currencies)}.");

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
            : (new ProductFields(name!, description, WithTwoDecimals(input.Price!.Value), currency, input.Category!, imageUrl, input.Stock!.Value), null);
    }

    /// <summary>12 → 12.00: prices always carry two decimals, as PostgreSQL returns them.</summary>
    private static decimal WithTwoDecimals(decimal price) => price + 0.00m;
}
