namespace Covacha.Products.Model;

public sealed record Category(string Id, string Name)
{
    /// <summary>The fixed catalogue categories (ids are stable; names are for display).</summary>
    public static readonly IReadOnlyList<Category> All =
    [
        new("electronics", "Electronics"),
        new("home", "Home & Kitchen"),
        new("fashion", "Fashion"),
        new("books", "Books"),
        new("sports", "Sports & Outdoors"),
        new("toys", "Toys & Games"),
        new("beauty", "Beauty & Personal Care"),
        new("grocery", "Grocery"),
        new("automotive", "Automotive"),
        new("other", "Other"),
    ];

    public static bool IsKnown(string? id) => id is not null && All.Any(c => c.Id == id);
}
