using System.Text.Json;

namespace Covacha.DevHost;

/// <summary><c>extensions.http.routePrefix</c> from the root host.json, as the Functions host reads it.</summary>
public static class RoutePrefix
{
    public static string Read(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath));
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? "api"
            : "api";
    }
}
