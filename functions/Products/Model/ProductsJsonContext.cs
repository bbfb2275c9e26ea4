using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Covacha.Shared.Events;

namespace Covacha.Products.Model;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ProductInput))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ProductDto))]
[JsonSerializable(typeof(ProductPage))]
[JsonSerializable(typeof(ExportPage))]
[JsonSerializable(typeof(TakedownResult))]
[JsonSerializable(typeof(TakedownRequest))]
[JsonSerializable(typeof(IReadOnlyList<Category>))]
[JsonSerializable(typeof(IReadOnlyList<CurrencyInfo>))]
public sealed partial class ProductsJsonContext : JsonSerializerContext;
