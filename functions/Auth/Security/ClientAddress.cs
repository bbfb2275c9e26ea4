using System.Net;
using Microsoft.AspNetCore.Http;

namespace Covacha.Auth.Security;

/// <summary>
/// The client's address for throttling: the first hop of <c>X-Forwarded-For</c> (set by the
/// gateway) when present and parseable, else the connection's remote address.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length > 0)
        {
            var first = forwarded.Split(',', 2)[0].Trim();
            if (IPAddress.TryParse(first, out var parsed))
            {
                return Normalize(parsed);
            }

            // "1.2.3.4:5678" (some proxies append the port)
            if (IPEndPoint.TryParse(first, out var endpoint))
            {
                return Normalize(endpoint.Address);
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress is { } remote ? Normalize(remote) : "unknown";
    }

    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
