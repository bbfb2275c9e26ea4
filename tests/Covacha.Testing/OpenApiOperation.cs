using System.Text.Json.Nodes;

namespace Covacha.Testing;

/// <summary>One operation of an OpenAPI document, with every <c>$ref</c> already resolved.</summary>
public sealed record OpenApiOperation(string Method, string PathTemplate, JsonObject Node)
{
    /// <summary>The response described for <paramref name="status"/> (exact, then <c>4XX</c>-style, then <c>default</c>), or null.</summary>
    public JsonObject? Response(int status)
    {
        if (Node["responses"] is not JsonObject responses)
        {
            return null;
        }

        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (responses[code] ?? responses[$"{code[0]}XX"] ?? responses[$"{code[0]}xx"] ?? responses["default"]) as JsonObject;
    }

    /// <summary>The status codes the document lists for this operation.</summary>
    public IReadOnlyList<string> DocumentedStatuses() =>
        Node["responses"] is JsonObject responses ? responses.Select(r => r.Key).ToList() : [];

    public override string ToString() => $"{Method} {PathTemplate}";
}
