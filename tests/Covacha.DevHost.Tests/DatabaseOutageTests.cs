using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Covacha.Testing;
using Npgsql;

namespace Covacha.DevHost.Tests;

/// <summary>
/// Every app reaches its database through a <see cref="TcpProxy"/> that these tests cut: each
/// then answers 503 problem+json with Retry-After, never a bare 500.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.OutageHost host) : IClassFixture<DatabaseOutageTests.OutageHost>
{
    [Theory]
    [InlineData("POST", "/api/auth/token")]
    [InlineData("POST", "/api/auth/register")]
    [InlineData("GET", "/api/products")]
    [InlineData("GET", "/api/search?q=lamp")]
    [InlineData("GET", "/api/search/suggest?q=lam")]
    public async Task Request_DatabaseUnreachable_Answers503WithRetryAfter(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = path.EndsWith("/register", StringComparison.Ordinal)
                ? JsonContent.Create(new { email = "outage@covacha.test", password = "correct horse battery staple", displayName = "Outage" })
                : JsonContent.Create(new { email = "outage@covacha.test", password = "correct horse battery staple" });
        }

        host.Database.Cut();
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://covacha.dev/problems/unavailable", problem.RootElement.GetProperty("type").GetString());
    }

    /// <summary>
    /// The dev host with every app's database behind one proxy (up while the apps migrate). The
    /// Search consumer stays off (it shares the tests-devhost virtual host with other fixtures)
    /// and Search answers from its store, not its in-memory index, so its queries need the database.
    /// </summary>
    public sealed class OutageHost() : CovachaHost("tests-devhost")
    {
        public TcpProxy Database { get; private set; } = null!;

        public override Task InitializeAsync()
        {
            var server = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin);
            Database = new TcpProxy(server.Host!, server.Port);
            return base.InitializeAsync();
        }

        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Auth"] = ThroughProxy(AuthDatabase),
            ["ConnectionStrings:Products"] = ThroughProxy(ProductsDatabase),
            ["ConnectionStrings:Search"] = ThroughProxy(SearchDatabase),
            ["Search:ConsumerEnabled"] = "false",
            ["Search:InMemoryIndex"] = "false",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Database.DisposeAsync();
        }

        private string ThroughProxy(string connectionString) =>
            new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Database.Port, Pooling = true }.ConnectionString;
    }
}
