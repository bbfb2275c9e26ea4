using System.Net;
using Covacha.Auth.Security;
using Microsoft.AspNetCore.Http;

namespace Covacha.Auth.Tests.Unit;

public sealed class ClientAddressTests
{
    private static HttpRequest Request(string? forwardedFor, string remote = "10.0.0.9")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return context.Request;
    }

    [Theory]
    [InlineData("203.0.113.7, 198.51.100.2", "198.51.100.2")]
    [InlineData("6.6.6.6, 203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7")]
    [InlineData("203.0.113.7:5123", "203.0.113.7")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void Of_ForwardedFor_HopAddedByGateway(string header, string expected) => Assert.Equal(expected, ClientAddress.Of(Request(header)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("'; DROP TABLE users; --")]
    public void Of_NoUsableForwardedFor_RemoteAddress(string? header) => Assert.Equal("10.0.0.9", ClientAddress.Of(Request(header)));

    [Fact]
    public void Of_MappedIpv4Remote_PlainIpv4() =>
        Assert.Equal("192.0.2.4", ClientAddress.Of(Request(null, "::ffff:192.0.2.4")));
}
