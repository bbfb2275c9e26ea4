using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Covacha.Auth.Tests.Integration;

/// <summary>
/// Every Auth operation with a body, sent a valid request with one field made hostile at a time:
/// nothing answers 5xx, a control character is a 422 naming the field, a member given twice
/// (also in another letter case) a 400 naming it.
/// </summary>
[Collection(AuthHostCollection.Name)]
public sealed class HostileFieldTests(AuthHost host)
{
    /// <summary>JSON values that replace one field; "{valid}" stands for the field's valid value as a JSON string body.</summary>
    private static readonly string[] HostileValues =
    [
        "\"{valid}\\u0000\"", "\"\\u0000\"", "\"{valid}\\u0007\"", "\"\\u001b[31m\"", "\"{valid}\\ud800\"", "\"\\udc00{valid}\"",
        "null", "0", "-1e309", "true", "[]", "{}", "[\"{valid}\"]", "{\"$ne\":null}",
        "\"\"", "\" \"", "\"' OR 1=1; --\"", "\"\\u202e{valid}\"", "\"{valid}\\u00a0\"",
        "\"" + new string('x', 5000) + "\"", new string('[', 200) + new string(']', 200),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (operation, body) in ValidBodies())
        {
            foreach (var field in body.Select(p => p.Key))
            {
                data.Add(operation, field);
            }
        }

        return data;
    }

    private static IEnumerable<(string Operation, JsonObject Body)> ValidBodies() =>
    [
        ("register", new JsonObject { ["email"] = "valid@example.com", ["password"] = "a valid long password", ["displayName"] = "Valid" }),
        ("token", new JsonObject { ["email"] = "valid@example.com", ["password"] = "a valid long password" }),
        ("role", new JsonObject { ["role"] = "user" }),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_OneHostileField_NeverServerErrorAndControlCharactersNamed(string operation, string field)
    {
        var valid = ValidBodies().Single(b => b.Operation == operation).Body;
        var plain = valid[field]!.GetValue<string>();
        foreach (var hostile in HostileValues)
        {
            var body = (JsonObject)valid.DeepClone();
            var fragment = hostile.Replace("{valid}", plain, StringComparison.Ordinal);
            var json = body.ToJsonString().Replace(
                "\"" + field + "\":" + valid[field]!.ToJsonString(), "\"" + field + "\":" + fragment, StringComparison.Ordinal);

            using var response = await SendAsync(operation, json);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{operation} {field}={fragment[..Math.Min(30, fragment.Length)]} -> {(int)response.StatusCode}: {text}");
            if (fragment.Contains("\\u0000", StringComparison.Ordinal) || fragment.Contains("\\u0007", StringComparison.Ordinal) || fragment.Contains("\\u001b", StringComparison.Ordinal))
            {
                await Problem.AssertAsync(response, 422, "validation", field);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_FieldGivenTwice_BadRequestNamingIt(string operation, string field)
    {
        var valid = ValidBodies().Single(b => b.Operation == operation).Body;
        var value = valid[field]!.ToJsonString();
        var rest = valid.ToJsonString()[1..];
        var upper = char.ToUpperInvariant(field[0]) + field[1..];
        foreach (var duplicate in new[] { field, upper })
        {
            using var response = await SendAsync(operation, "{\"" + duplicate + "\":" + value + "," + rest);

            await Problem.AssertAsync(response, 400, "bad-request", field);
        }
    }

    private (Guid User, string Admin)? _roleTarget;

    private async Task<HttpResponseMessage> SendAsync(string operation, string json)
    {
        if (operation == "role" && _roleTarget is null)
        {
            _roleTarget = ((await host.RegisterAsync()).Id, (await host.LoginAdminAsync()).AccessToken);
        }

        var (method, path, bearer) = operation switch
        {
            "register" => (HttpMethod.Post, "/api/auth/register", (string?)null),
            "token" => (HttpMethod.Post, "/api/auth/token", null),
            _ => (HttpMethod.Put, $"/api/auth/users/{_roleTarget!.Value.User}/role", _roleTarget.Value.Admin),
        };
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(AuthHost.AddressHeader, AuthHost.NewAddress());
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await host.Http.SendAsync(request);
    }
}
