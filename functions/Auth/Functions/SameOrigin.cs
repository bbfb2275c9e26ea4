using Microsoft.AspNetCore.Http;

namespace Covacha.Auth.Functions;

/// <summary>
/// A second guard of the cookie endpoints besides <c>SameSite=Strict</c>: a browser request that
/// says it comes from another site (<c>Sec-Fetch-Site</c>) or another origin (<c>Origin</c>) is
/// refused. Requests with neither header are not from a browser page and carry no ambient
/// cookie by accident, so they pass.
/// </summary>
public static class SameOrigin
{
    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            // "same-site" is another origin of the same site (a sibling subdomain): refused too.
            return !fetchSite.Equals("same-origin", StringComparison.OrdinalIgnoreCase)
                && !fetchSite.Equals("none", StringComparison.OrdinalIgnoreCase);
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        // The scheme is not compared: TLS ends at the gateway, so the app sees http.
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
