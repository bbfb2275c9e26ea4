using System.Net;
using System.Net.Sockets;

namespace Covacha.Products.Model;

/// <summary>
/// Accepts only image links that cannot point a browser or a future server-side fetch at
/// something private: https, no credentials, and no loopback, link-local, private-range or
/// otherwise non-public literal address or local host name. Names are not resolved here
/// (nothing on the server fetches the link); a name that resolves privately is the
/// fetcher's problem, see docs/decisions/0003-products-image-url.md.
/// </summary>
public static class ImageUrlRule
{
    public const int MaxLength = 2048;

    /// <summary>Null when the link is acceptable, otherwise why not.</summary>
    public static string? Check(string url)
    {
        if (url.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "Must be an absolute https URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "Must use https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Must not contain credentials.";
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPublic(address)
                ? null
                : "Must not point at a loopback, link-local or private address.";
        }

        if (uri.HostNameType != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal)
            || host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal) || host.EndsWith(".internal", StringComparison.Ordinal)
            || host.EndsWith(".lan", StringComparison.Ordinal) || host.EndsWith(".home.arpa", StringComparison.Ordinal))
        {
            return "Must name a public host.";
        }

        // Names made only of digits, dots and hex markers are numeric addresses in disguise (0x7f.1).
        return host.Split('.').All(label => label.Length > 0 && (label.All(char.IsAsciiDigit) || label.StartsWith("0x", StringComparison.Ordinal)))
            ? "Must not point at a loopback, link-local or private address."
            : null;
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var isUniqueLocal = (bytes[0] & 0xfe) == 0xfc;
        var isNat64Or6to4 = (bytes[0] == 0x20 && bytes[1] == 0x02) || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b);
        return !(IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || isUniqueLocal || isNat64Or6to4 || address.IsIPv4MappedToIPv6
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8));
    }
}
