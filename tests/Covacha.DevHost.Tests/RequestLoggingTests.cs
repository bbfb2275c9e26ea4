using Covacha.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Covacha.DevHost.Tests;

/// <summary>
/// A dev host at the logging level it has when started by hand (Information). It shares the
/// tests-devhost virtual host with <see cref="DevHostFixture"/>, so its Search consumer stays off.
/// </summary>
public sealed class InformationLoggingHostFixture() : CovachaHost("tests-devhost")
{
    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Search:ConsumerEnabled"] = "false",
    };
}

public sealed class RequestLoggingTests(InformationLoggingHostFixture host) : IClassFixture<InformationLoggingHostFixture>
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    [InlineData("Npgsql.Command")]
    public void DefaultLogging_PerRequestCategories_StayBelowInformation(string category)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void DefaultLogging_CovachaCategories_StayAtInformation()
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Covacha.Search.Messaging.ProductEventConsumer");

        Assert.True(logger.IsEnabled(LogLevel.Information));
    }
}
