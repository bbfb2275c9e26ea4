using System.Text.Json;
using System.Text.Json.Serialization;

namespace Covacha.Shared.Http;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(Covacha.Shared.Health.ReadinessReport))]
[JsonSerializable(typeof(Covacha.Shared.Health.LivenessReport))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class SharedJsonContext : JsonSerializerContext;
