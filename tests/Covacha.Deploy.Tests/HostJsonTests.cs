using System.Text.Json;
using Covacha.Deploy.Tests.Support;

namespace Covacha.Deploy.Tests;

/// <summary>
/// The host.json each app ships (the build output is what the image's <c>/home/site/wwwroot</c>
/// holds): the Functions host reports through OpenTelemetry, as the worker does, and logs no line
/// per invocation at Information (the worker's own logs and spans carry each request).
/// </summary>
public sealed class HostJsonTests
{
    [Theory]
    [InlineData("Auth")]
    [InlineData("Products")]
    [InlineData("Search")]
    public void HostJson_AsBuilt_ReportsThroughOpenTelemetryAndQuietsPerInvocationLogs(string app)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppBuild.OutputOf(app), "host.json")));
        var root = document.RootElement;

        Assert.Equal("OpenTelemetry", root.GetProperty("telemetryMode").GetString());
        var levels = root.GetProperty("logging").GetProperty("logLevel");
        Assert.Equal("Information", levels.GetProperty("default").GetString());
        foreach (var category in new[] { "Function", "Host.Results", "Microsoft.AspNetCore" })
        {
            Assert.Equal("Warning", levels.GetProperty(category).GetString());
        }

        Assert.Equal("api", root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }
}
