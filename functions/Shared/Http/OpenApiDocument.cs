using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Covacha.Shared.Http;

/// <summary>
/// Serves an app's hand-written OpenAPI document (its <c>openapi.yaml</c>, embedded at build time
/// as the resource <c>openapi.yaml</c>) so that clients and the API docs page read the description
/// the code is tested against. Each app declares the function itself, because its route (and the
/// function's name) differ per app and the Functions worker indexes the functions of the app's own
/// assembly; the body is this one call.
/// </summary>
public static class OpenApiDocument
{
    public const string ResourceName = "openapi.yaml";

    private static readonly ConcurrentDictionary<Assembly, byte[]> s_documents = new();

    public static IResult Serve(HttpRequest request, Assembly app)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(s_documents.GetOrAdd(app, Read), "application/yaml");
    }

    private static byte[] Read(Assembly app)
    {
        using var stream = app.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {app.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
