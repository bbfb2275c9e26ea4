using System.Text.RegularExpressions;

namespace Covacha.DevHost;

/// <summary>
/// The client-side routes of the SPA (<c>frontend/src/App.tsx</c>): their paths answer the app
/// with 200; any other path that is not a file answers the app with 404, so the browser shows
/// the "Page not found" screen and crawlers and tools see the status. frontend/nginx.conf keeps
/// the same list; tests compare both with App.tsx.
/// </summary>
public static partial class SpaRoutes
{
    /// <summary>Route templates as App.tsx writes them (<c>:id</c> is one path segment).</summary>
    public static readonly IReadOnlyList<string> Templates =
    [
        "/",
        "/products/:id",
        "/products/:id/edit",
        "/sellers/:id",
        "/login",
        "/signup",
        "/forgot-password",
        "/reset-password",
        "/verify-email",
        "/account",
        "/my/products",
        "/my/products/new",
        "/admin",
    ];

    private static readonly Regex[] s_patterns = Templates
        .Select(t => new Regex("^" + Parameter().Replace(Regex.Escape(t), "[^/]+") + "/?$", RegexOptions.CultureInvariant))
        .ToArray();

    public static bool IsKnown(string path) => s_patterns.Any(p => p.IsMatch(path));

    [GeneratedRegex(@":[a-zA-Z]+")]
    private static partial Regex Parameter();
}
