using System.Text.Json;
using Covacha.Testing;

namespace Covacha.DevHost.Tests;

/// <summary>The YAML-to-JSON reading the validating handler relies on: plain scalars typed, quoted ones strings.</summary>
public sealed class YamlJsonTests
{
    [Theory]
    [InlineData("a: 12", JsonValueKind.Number)]
    [InlineData("a: -0.01", JsonValueKind.Number)]
    [InlineData("a: '12'", JsonValueKind.String)]
    [InlineData("a: \"200\"", JsonValueKind.String)]
    [InlineData("a: true", JsonValueKind.True)]
    [InlineData("a: 'true'", JsonValueKind.String)]
    [InlineData("a: null", JsonValueKind.Null)]
    [InlineData("a: ~", JsonValueKind.Null)]
    [InlineData("a: 'null'", JsonValueKind.String)]
    [InlineData("a: https://covacha.dev/problems/not-found", JsonValueKind.String)]
    [InlineData("a: [1, x]", JsonValueKind.Array)]
    [InlineData("a: {b: c}", JsonValueKind.Object)]
    public void Parse_Scalar_TypedAsYaml12CoreSchema(string yaml, JsonValueKind expected)
    {
        var json = YamlJson.Parse(yaml)!.ToJsonString();
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, document.RootElement.GetProperty("a").ValueKind);
    }

    [Fact]
    public void Parse_QuotedStatusKeys_StayKeys()
    {
        var json = YamlJson.Parse("responses:\n  '200': {description: ok}\n  404: {description: no}")!;
        Assert.NotNull(json["responses"]!["200"]);
        Assert.NotNull(json["responses"]!["404"]);
    }

    [Fact]
    public void Description_RefWithSiblingKeywords_AppliesBoth()
    {
        var description = OpenApiDescription.Parse("auth", """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /api/auth/x:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/A'
                            required: [b]
            components:
              schemas:
                A: {type: object, required: [a]}
            """);
        var schema = description.Find("GET", "/api/auth/x")!.Response(200)!["content"]!["application/json"]!["schema"]!;

        Assert.Empty(description.Validate(schema, JsonDocument.Parse("""{"a":1,"b":2}""").RootElement));
        Assert.NotEmpty(description.Validate(schema, JsonDocument.Parse("""{"a":1}""").RootElement));
        Assert.NotEmpty(description.Validate(schema, JsonDocument.Parse("""{"b":2}""").RootElement));
    }

    [Fact]
    public void Description_UnresolvableRef_Throws() =>
        Assert.Throws<InvalidDataException>(() => OpenApiDescription.Parse("auth", """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /api/auth/x:
                get:
                  responses:
                    '200':
                      $ref: '#/components/responses/Missing'
            """));
}
