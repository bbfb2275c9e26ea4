using Microsoft.AspNetCore.Http;

namespace Covacha.Auth.Functions;

/// <summary>
/// The refresh token's only home in the browser: HttpOnly (no script reads it), Secure,
/// SameSite=Strict (no cross-site request carries it) and scoped to <c>/api/auth</c>.
/// </summary>
public static class RefreshCookie
{
    public const string Name = "covacha_refresh";
    public const string Path = "/api/auth";

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static void Set(HttpResponse response, string token, TimeSpan lifetime) =>
        response.Cookies.Append(Name, token, Options(lifetime));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(null));

    private static CookieOptions Options(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
