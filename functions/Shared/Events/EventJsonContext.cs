using System.Text.Json;
using System.Text.Json.Serialization;

namespace Covacha.Shared.Events;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ProductEvent))]
[JsonSerializable(typeof(ProductSnapshot))]
public sealed partial class EventJsonContext : JsonSerializerContext;
