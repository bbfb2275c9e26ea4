using System.Text.Json;
using System.Text.Json.Serialization;
using Covacha.Shared.Events;

namespace Covacha.Search.Model;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(SuggestResponse))]
[JsonSerializable(typeof(ReindexStatus))]
[JsonSerializable(typeof(ExportPage))]
public sealed partial class SearchJsonContext : JsonSerializerContext;
