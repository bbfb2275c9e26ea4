using System.Net;
using Microsoft.AspNetCore.Http;

namespace Covacha.Auth.Security;

/// <summary>
/// The client's address for throttling: the last entry of <c>X-Forwarded-For</c> — the one
/// Application Gateway appends — when present and parseable, else the connection's remote
/// address. Earlier entries come from the client and could be forged to dodge the throttle.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length > 0)
        {
            var hop = forwarded.Split(',')[^1].Trim();
            if (IPAddress.TryParse(hop, out var parsed))
            {
                return Normalize(parsed);
            }

            // "1.2.3.4:5678" (some proxies append the port)
            if (IPEndPoint.TryParse(hop, out var endpoint))
            {
                return Normalize(endpoint.Address);
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress is { } remote ? Normalize(remote) : "unknown";
    }

    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
