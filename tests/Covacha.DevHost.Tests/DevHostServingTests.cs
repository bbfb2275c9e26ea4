using System.Net;
using Covacha.Testing;

namespace Covacha.DevHost.Tests;

public sealed class DevHostFixture() : CovachaHost("tests-devhost");

[Collection(DevHostCollection.Name)]
public sealed class DevHostServingTests(DevHostFixture host)
{
    [Theory]
    [InlineData("auth")]
    [InlineData("products")]
    [InlineData("search")]
    public async Task HealthLive_EveryApp_Answers200(string app)
    {
        var response = await host.Client.GetAsync($"/api/{app}/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("products")]
    [InlineData("search")]
    public async Task HealthReady_WithDependenciesUp_Answers200(string app)
    {
        // Search is ready only once its consumer is attached, which happens just after start-up.
        var status = await Eventually.WaitAsync(
            async () => (await host.Client.GetAsync($"/api/{app}/health/ready")).StatusCode,
            s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            $"{app} to report ready");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersProblemJson404()
    {
        var response = await host.Client.GetAsync("/api/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await host.Client.GetAsync("/api/auth/health/live");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
