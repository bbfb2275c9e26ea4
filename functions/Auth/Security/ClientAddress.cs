using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Covacha.Auth.Security;

/// <summary>
/// The client's address, the key of the per-address limits. Decided once, by configuration:
/// where <see cref="AuthOptions.ClientAddressHeader"/> names a header, only that header counts
/// (Application Gateway writes it from the TCP peer it saw, overwriting whatever the client
/// sent); elsewhere the connection's remote address. <c>X-Forwarded-For</c> is never read: its
/// entries are the client's to choose, and under the Functions host the worker has already
/// consumed it to set the remote address to the host's own peer.
/// </summary>
public sealed class ClientAddress(IOptions<AuthOptions> options)
{
    private const int MaxHeaderLength = 64;

    public string Of(HttpRequest request)
    {
        if (options.Value.ClientAddressHeader is { Length: > 0 } header)
        {
            // A configured header that is missing or unparseable means the request did not come
            // through the gateway; it shares one key rather than getting a fresh one per value.
            var value = request.Headers[header].ToString().Trim();
            return value.Length <= MaxHeaderLength && Parse(value) is { } parsed ? Normalize(parsed) : "unknown";
        }

        return request.HttpContext.Connection.RemoteIpAddress is { } remote ? Normalize(remote) : "unknown";
    }

    private static IPAddress? Parse(string value) =>
        IPAddress.TryParse(value, out var address) ? address
        // "1.2.3.4:5678" or "[::1]:5678": gateways that append the port
        : IPEndPoint.TryParse(value, out var endpoint) ? endpoint.Address
        : null;

    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
