using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Search.Functions;

/// <summary>
/// Serves this app's hand-written OpenAPI document (functions/Search/openapi.yaml, embedded at
/// build time) so that clients and the API docs page read the description the code is tested against.
/// </summary>
public sealed class OpenApiFunctions
{
    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiFunctions).Assembly.GetManifestResourceStream("openapi.yaml")
            ?? throw new InvalidOperationException("The embedded resource openapi.yaml is missing from Covacha.Search.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    [Function("SearchOpenApi")]
    public IResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search/openapi.yaml")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(Document.Value, "application/yaml");
    }
}
