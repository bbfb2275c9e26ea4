using System.Text.Json.Nodes;

namespace Covacha.Products.Tests.Infrastructure;

/// <summary>Builds request bodies: a valid product, then whatever a test changes.</summary>
public static class ProductBody
{
    public static JsonObject Valid(string name = "Bicicleta de ruta") => new()
    {
        ["name"] = name,
        ["description"] = "Aluminio, 21 cambios.",
        ["price"] = 1250000.5m / 2,
        ["currency"] = "COP",
        ["category"] = "sports",
        ["imageUrl"] = "https://images.example.com/bici.jpg",
        ["stock"] = 3,
    };

    public static JsonObject With(string field, JsonNode? value)
    {
        var body = Valid();
        body[field] = value;
        return body;
    }
}
