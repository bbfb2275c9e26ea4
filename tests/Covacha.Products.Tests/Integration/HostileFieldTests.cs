using System.Text.Json.Nodes;
using Covacha.Products.Tests.Infrastructure;

namespace Covacha.Products.Tests.Integration;

/// <summary>
/// Create, replace and merge-patch, each sent a valid body with one field made hostile at a time:
/// nothing answers 5xx, a control character is a 422 naming the field, a member given twice
/// (also in another letter case) a 400 naming it.
/// </summary>
[Collection(ProductsCollection.Name)]
public sealed class HostileFieldTests(ProductsHost host)
{
    private static readonly string[] HostileValues =
    [
        "\"{valid}\\u0000\"", "\"\\u0000\"", "\"{valid}\\u0007\"", "\"\\u001b[31m\"", "\"{valid}\\ud800\"", "\"\\udc00{valid}\"",
        "null", "0", "-1", "1e309", "-1e309", "1.5", "99999999999999999999999", "true", "[]", "{}", "[\"{valid}\"]", "{\"$ne\":null}",
        "\"\"", "\" \"", "\"' OR 1=1; --\"", "\"\\u202e{valid}\"", "\"" + new string('x', 5000) + "\"",
        new string('[', 200) + new string(']', 200),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in new[] { "create", "replace", "patch" })
        {
            foreach (var (field, _) in ProductBody.Valid())
            {
                data.Add(operation, field);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_OneHostileField_NeverServerErrorAndControlCharactersNamed(string operation, string field)
    {
        var valid = ProductBody.Valid();
        var plain = valid[field]!.ToJsonString().Trim('"');
        var token = host.UserToken();
        var (product, etag) = await host.CreateAsync(token);
        foreach (var hostile in HostileValues)
        {
            var fragment = hostile.Replace("{valid}", plain, StringComparison.Ordinal);
            var json = operation == "patch"
                ? "{\"" + field + "\":" + fragment + "}"
                : valid.ToJsonString().Replace("\"" + field + "\":" + valid[field]!.ToJsonString(), "\"" + field + "\":" + fragment, StringComparison.Ordinal);

            using var response = await SendAsync(operation, token, product.GetProperty("id").GetGuid(), etag, json);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{operation} {field}={fragment[..Math.Min(30, fragment.Length)]} -> {(int)response.StatusCode}: {text}");
            if (response.Headers.ETag is { } changed)
            {
                etag = changed.ToString();
            }

            if (fragment.Contains("\\u0000", StringComparison.Ordinal) || fragment.Contains("\\u0007", StringComparison.Ordinal) || fragment.Contains("\\u001b", StringComparison.Ordinal))
            {
                Assert.True((int)response.StatusCode == 422 && text.Contains($"\"{field}\"", StringComparison.Ordinal),
                    $"{operation} {field} with a control character -> {(int)response.StatusCode}: {text}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_FieldGivenTwice_BadRequestNamingIt(string operation, string field)
    {
        var valid = ProductBody.Valid();
        var value = valid[field]!.ToJsonString();
        var rest = operation == "patch" ? "}" : "," + valid.ToJsonString()[1..];
        var token = host.UserToken();
        var (product, etag) = await host.CreateAsync(token);
        foreach (var duplicate in new[] { field, char.ToUpperInvariant(field[0]) + field[1..] })
        {
            var json = "{\"" + duplicate + "\":" + value + (operation == "patch" ? ",\"" + field + "\":" + value + "}" : rest);

            using var response = await SendAsync(operation, token, product.GetProperty("id").GetGuid(), etag, json);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == 400 && text.Contains($"\"{field}\"", StringComparison.Ordinal),
                $"{operation} with {duplicate} and {field} -> {(int)response.StatusCode}: {text}");
        }
    }

    private Task<HttpResponseMessage> SendAsync(string operation, string token, Guid id, string etag, string json) => operation switch
    {
        "create" => host.SendAsync(HttpMethod.Post, "/api/products", token, json),
        "replace" => host.SendAsync(HttpMethod.Put, $"/api/products/{id}", token, json, ifMatch: etag),
        _ => host.SendAsync(HttpMethod.Patch, $"/api/products/{id}", token, json, "application/merge-patch+json", ifMatch: etag),
    };
}
