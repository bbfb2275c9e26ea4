using System.Net;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class HealthTests(AuthHost host)
{
    [Fact]
    public async Task Live_Running_Ok()
    {
        using var response = await host.Http.GetAsync(new Uri("/api/auth/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseUp_OkWithPostgresCheck()
    {
        using var response = await host.Http.GetAsync(new Uri("/api/auth/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Problem.JsonAsync(response);
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
    }
}
