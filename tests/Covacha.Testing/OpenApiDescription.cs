using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Covacha.Testing;

/// <summary>
/// A service's OpenAPI 3.1 document read for checking responses against it: the YAML converted to
/// JSON, every local <c>$ref</c> resolved, operations found by method and concrete path, and each
/// schema compiled once.
/// </summary>
public sealed class OpenApiDescription
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private readonly string _schemaBase = $"https://covacha.test/openapi/{Guid.NewGuid():N}/";

    private OpenApiDescription(string service, JsonObject document)
    {
        Service = service;
        Document = document;
        var paths = document["paths"] as JsonObject ?? throw new InvalidDataException($"The {service} document has no paths.");
        Operations = paths
            .SelectMany(path => ((JsonObject)path.Value!)
                .Where(entry => Methods.Contains(entry.Key))
                .Select(entry => new OpenApiOperation(entry.Key.ToUpperInvariant(), path.Key, (JsonObject)entry.Value!)))
            .ToList();
    }

    public string Service { get; }

    /// <summary>The whole document as JSON, with every local <c>$ref</c> replaced by what it names.</summary>
    public JsonObject Document { get; }

    public IReadOnlyList<OpenApiOperation> Operations { get; }

    public static OpenApiDescription Parse(string service, string yaml)
    {
        var root = YamlJson.Parse(yaml) as JsonObject ?? throw new InvalidDataException($"The {service} document is not a mapping.");
        return new OpenApiDescription(service, (JsonObject)Resolve(root, root, 0)!);
    }

    /// <summary>The document an app serves at <c>/api/&lt;app&gt;/openapi.yaml</c> (its embedded <c>openapi.yaml</c>).</summary>
    public static OpenApiDescription ForApp(string app)
    {
        var assembly = app switch
        {
            "auth" => typeof(Covacha.Auth.AuthServices).Assembly,
            "products" => typeof(Covacha.Products.ProductsServices).Assembly,
            "search" => typeof(Covacha.Search.SearchServices).Assembly,
            _ => throw new ArgumentOutOfRangeException(nameof(app), app, "Not a Covacha app."),
        };
        using var stream = assembly.GetManifestResourceStream("openapi.yaml")
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no openapi.yaml.");
        using var reader = new StreamReader(stream);
        return Parse(app, reader.ReadToEnd());
    }

    /// <summary>
    /// The operation for a method and a concrete path such as <c>/api/products/3f2…</c>; literal
    /// segments win over parameters (<c>/api/products/categories</c> before <c>/api/products/{id}</c>).
    /// </summary>
    public OpenApiOperation? Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        OpenApiOperation? best = null;
        var bestLiterals = -1;
        foreach (var operation in Operations)
        {
            if (!string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var template = operation.PathTemplate.Trim('/').Split('/');
            if (template.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < template.Length && matches; i++)
            {
                if (template[i].StartsWith('{') && template[i].EndsWith('}'))
                {
                    matches = segments[i].Length > 0;
                }
                else
                {
                    matches = string.Equals(template[i], Uri.UnescapeDataString(segments[i]), StringComparison.OrdinalIgnoreCase);
                    literals++;
                }
            }

            if (matches && literals > bestLiterals)
            {
                best = operation;
                bestLiterals = literals;
            }
        }

        return best;
    }

    /// <summary>Validates a JSON value against a (resolved) schema of this document; the errors, or none.</summary>
    public IReadOnlyList<string> Validate(JsonNode schemaNode, JsonElement instance)
    {
        var text = schemaNode.ToJsonString();
        var schema = _schemas.GetOrAdd(text, t =>
            JsonSchema.FromText(t, baseUri: new Uri(_schemaBase + Guid.NewGuid().ToString("N"))));
        var results = schema.Evaluate(instance, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                errors.Add($"at '{detail.InstanceLocation}' ({keyword}): {message}");
            }
        }

        return errors.Count > 0 ? errors : ["the body does not match the schema"];
    }

    private static JsonNode? Resolve(JsonNode? node, JsonObject root, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidDataException("$ref nesting too deep (a cycle?).");
        }

        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer):
            {
                var target = Resolve(Lookup(root, pointer).DeepClone(), root, depth + 1);
                var siblings = obj.Where(p => p.Key is not ("$ref" or "description" or "summary")).ToList();
                if (siblings.Count == 0)
                {
                    return target;
                }

                // A schema $ref with sibling keywords applies both (JSON Schema 2020-12).
                var rest = new JsonObject();
                foreach (var (key, value) in siblings)
                {
                    rest[key] = Resolve(value?.DeepClone(), root, depth + 1);
                }

                return new JsonObject { ["allOf"] = new JsonArray(target, rest) };
            }

            case JsonObject obj:
            {
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Resolve(value?.DeepClone(), root, depth + 1);
                }

                return copy;
            }

            case JsonArray array:
                return new JsonArray(array.Select(item => Resolve(item?.DeepClone(), root, depth + 1)).ToArray());

            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode Lookup(JsonObject root, string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Only local references are supported: {pointer}");
        }

        JsonNode? current = root;
        foreach (var raw in pointer[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, out var index) => array[index],
                _ => null,
            } ?? throw new InvalidDataException($"Unresolvable reference {pointer}");
        }

        return current;
    }
}
