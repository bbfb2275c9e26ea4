using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Covacha.Testing;

/// <summary>
/// Holds every response a test sees to the OpenAPI document of the service that answered it: the
/// operation must be documented, its status listed, required headers present and well-formed, the
/// media type one the document names, and a JSON body valid against the documented schema. Anything
/// else throws <see cref="OpenApiValidationException"/>, so the test fails where the drift is seen.
/// Paths outside <c>/api/auth</c>, <c>/api/products</c> and <c>/api/search</c> pass untouched.
/// A test that deliberately provokes an undocumented answer opts out for that one request with
/// <see cref="SkipHeader"/> (removed before sending) or <see cref="SkipOption"/>.
/// </summary>
public sealed partial class OpenApiValidatingHandler : DelegatingHandler
{
    public const string SkipHeader = "X-Covacha-Skip-OpenApi-Validation";
    public static readonly HttpRequestOptionsKey<bool> SkipOption = new(SkipHeader);

    private static readonly Lazy<IReadOnlyDictionary<string, OpenApiDescription>> AppDocuments = new(() =>
        new[] { "auth", "products", "search" }.ToDictionary(app => app, OpenApiDescription.ForApp));

    private readonly IReadOnlyDictionary<string, OpenApiDescription> _documents;

    /// <summary>Validates against the documents the three apps embed and serve.</summary>
    public OpenApiValidatingHandler(HttpMessageHandler innerHandler)
        : this(innerHandler, AppDocuments.Value)
    {
    }

    /// <summary>Validates against the given documents, keyed by service name (auth, products, search).</summary>
    public OpenApiValidatingHandler(HttpMessageHandler innerHandler, IReadOnlyDictionary<string, OpenApiDescription> documents)
        : base(innerHandler) => _documents = documents;

    /// <summary>An HttpClient for <paramref name="baseAddress"/> whose every response is validated (cookies kept, as by default).</summary>
    public static HttpClient CreateClient(Uri baseAddress) =>
        new(new OpenApiValidatingHandler(new HttpClientHandler())) { BaseAddress = baseAddress };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var skip = request.Headers.Remove(SkipHeader) |
                   (request.Options.TryGetValue(SkipOption, out var optedOut) && optedOut);
        var response = await base.SendAsync(request, cancellationToken);
        // After a redirect the answer is for the URI finally requested.
        var uri = response.RequestMessage?.RequestUri ?? request.RequestUri;
        if (skip || uri is null)
        {
            return response;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var service = ServicePath().Match(path);
        if (!service.Success || !_documents.TryGetValue(service.Groups[1].Value.ToLowerInvariant(), out var document))
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var failures = Check(document, request.Method.Method, path, response, body);
        if (failures.Count > 0)
        {
            var status = (int)response.StatusCode;
            var excerpt = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 2000));
            throw new OpenApiValidationException(
                $"{request.Method} {path} answered {status}, which does not match the {document.Service} OpenAPI document:\n  - " +
                string.Join("\n  - ", failures) +
                $"\nResponse Content-Type: {response.Content.Headers.ContentType}\nResponse body: {excerpt}\n" +
                $"(Fix the code or functions/{char.ToUpperInvariant(document.Service[0])}{document.Service[1..]}/openapi.yaml; " +
                $"a test that means to provoke an undocumented answer sends the {SkipHeader} header.)");
        }

        return response;
    }

    private static List<string> Check(OpenApiDescription document, string method, string path, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var operation = document.Find(method, path);
        if (operation is null)
        {
            // The dev host answers any unknown API route with a not-found problem.
            return status == 404 && IsMediaType(response, "application/problem+json")
                ? []
                : [$"no operation {method} {path} is documented"];
        }

        var described = operation.Response(status);
        if (described is null)
        {
            return [$"status {status} is not documented for {operation} (documented: {string.Join(", ", operation.DocumentedStatuses())})"];
        }

        var failures = new List<string>();
        CheckHeaders(document, described, response, failures);
        if (!string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            CheckBody(document, described, response, body, failures);
        }

        return failures;
    }

    private static void CheckHeaders(OpenApiDescription document, JsonObject described, HttpResponseMessage response, List<string> failures)
    {
        if (described["headers"] is not JsonObject headers)
        {
            return;
        }

        foreach (var (name, spec) in headers)
        {
            if (spec is not JsonObject header || string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var values = HeaderValues(response, name);
            if (values.Count == 0)
            {
                if (header["required"]?.GetValue<bool>() == true)
                {
                    failures.Add($"the required header {name} is missing");
                }

                continue;
            }

            if (header["schema"] is not JsonNode schema)
            {
                continue;
            }

            var isInteger = schema["type"] is JsonValue type && type.ToString() == "integer";
            var errors = values.Select(value => document.Validate(schema, HeaderInstance(value, isInteger))).ToList();
            if (errors.All(e => e.Count > 0))
            {
                failures.Add($"header {name}: '{values[0]}' does not match its schema: {string.Join("; ", errors[0])}");
            }
        }
    }

    private static void CheckBody(OpenApiDescription document, JsonObject described, HttpResponseMessage response, byte[] body, List<string> failures)
    {
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (described["content"] is not JsonObject content || content.Count == 0)
        {
            if (body.Length > 0)
            {
                failures.Add($"a body ({body.Length} bytes, {contentType}) was sent where the document describes none");
            }

            return;
        }

        if (contentType is null)
        {
            failures.Add($"no Content-Type; documented: {string.Join(", ", content.Select(c => c.Key))}");
            return;
        }

        var media = content.FirstOrDefault(c => string.Equals(c.Key, contentType, StringComparison.OrdinalIgnoreCase));
        if (media.Key is null)
        {
            failures.Add($"Content-Type {contentType} is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})");
            return;
        }

        if (media.Value?["schema"] is not JsonNode schema || !IsJson(contentType))
        {
            return;
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            failures.Add($"the body is not valid JSON: {ex.Message}");
            return;
        }

        using (parsed)
        {
            failures.AddRange(document.Validate(schema, parsed.RootElement).Select(e => "body " + e));
        }
    }

    private static List<string> HeaderValues(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
        {
            return values.ToList();
        }

        return [];
    }

    private static JsonElement HeaderInstance(string value, bool isInteger)
    {
        var node = isInteger && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
        return JsonSerializer.SerializeToElement(node);
    }

    private static bool IsMediaType(HttpResponseMessage response, string mediaType) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, mediaType, StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^/api/(auth|products|search)(?:/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ServicePath();
}
