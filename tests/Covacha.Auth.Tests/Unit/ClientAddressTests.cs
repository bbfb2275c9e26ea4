using System.Net;
using Covacha.Auth.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Covacha.Auth.Tests.Unit;

public sealed class ClientAddressTests
{
    private const string GatewayHeader = "X-Client-Address";

    private static ClientAddress Resolver(string? header) => new(Options.Create(new AuthOptions { ClientAddressHeader = header }));

    private static HttpRequest Request(string? forwardedFor = null, string? gateway = null, string remote = "10.0.0.9")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        if (gateway is not null)
        {
            context.Request.Headers[GatewayHeader] = gateway;
        }

        return context.Request;
    }

    [Theory]
    [InlineData("203.0.113.7, 198.51.100.2")]
    [InlineData("6.6.6.6")]
    [InlineData("2001:db8::1")]
    public void Of_NoHeaderConfigured_ForwardedForIgnoredRemoteAddress(string forwardedFor) =>
        Assert.Equal("10.0.0.9", Resolver(null).Of(Request(forwardedFor)));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7")]
    [InlineData("203.0.113.7:5123", "203.0.113.7")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    public void Of_GatewayHeaderConfigured_ItsAddressWhateverForwardedForSays(string gateway, string expected) =>
        Assert.Equal(expected, Resolver(GatewayHeader).Of(Request(forwardedFor: "6.6.6.6", gateway: gateway)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("'; DROP TABLE users; --")]
    [InlineData("203.0.113.7, 198.51.100.2")]
    public void Of_GatewayHeaderConfiguredButMissingOrGarbage_OneSharedKeyNotTheSocketNorForwardedFor(string? gateway) =>
        Assert.Equal("unknown", Resolver(GatewayHeader).Of(Request(forwardedFor: "6.6.6.6", gateway: gateway)));

    [Fact]
    public void Of_MappedIpv4Remote_PlainIpv4() =>
        Assert.Equal("192.0.2.4", Resolver(null).Of(Request(remote: "::ffff:192.0.2.4")));
}
