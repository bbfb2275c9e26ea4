using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Covacha.Products.Functions;

/// <summary>Strong ETags of the form <c>"&lt;version&gt;"</c> and the If-Match / If-None-Match checks on them.</summary>
public static class ETags
{
    public static string For(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>True when a conditional header is present and not blank.</summary>
    public static bool Has(HttpRequest request, string header) =>
        !string.IsNullOrWhiteSpace(request.Headers[header].ToString());

    /// <summary>
    /// Whether a list of entity tags (If-Match, If-None-Match) names <paramref name="version"/>.
    /// <c>*</c> matches any existing version; weak tags never match (strong comparison).
    /// </summary>
    public static bool Matches(string? header, long version)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var expected = For(version);
        foreach (var raw in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "*" || raw == expected)
            {
                return true;
            }
        }

        return false;
    }
}
