using System.Net;
using System.Net.Http.Json;
using Covacha.Search.Model;
using Covacha.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Covacha.Search.Tests.Infrastructure;

/// <summary>
/// The one dev host of this test project (vhost tests-search), with Search's broker connection
/// running through a <see cref="TcpProxy"/> so a test can cut it, and Auth's JWKS and Products'
/// export faked by <see cref="FakeUpstream"/>.
/// </summary>
public sealed class SearchHost() : CovachaHost("tests-search")
{
    public FakeUpstream Upstream { get; } = new();
    public TcpProxy BrokerProxy { get; private set; } = null!;
    public EventPublisher Publisher { get; private set; } = null!;

    protected override IDictionary<string, string?> ExtraSettings()
    {
        var broker = new UriBuilder(RabbitMqUri) { Host = "127.0.0.1", Port = BrokerProxy.Port };
        return new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMQ"] = broker.Uri.ToString().TrimEnd('/'),
            ["Identity:JwksUrl"] = Upstream.JwksUrl,
            ["Search:ProductsBaseUrl"] = Upstream.BaseUrl,
            ["Search:ReindexPageSize"] = "100",
        };
    }

    public override async Task InitializeAsync()
    {
        await Upstream.StartAsync();
        var broker = new Uri(RabbitMqUri);
        BrokerProxy = new TcpProxy(broker.Host, broker.Port);
        await base.InitializeAsync();
        Upstream.ServiceKey = ServiceKey;
        Publisher = await EventPublisher.CreateAsync(RabbitMqUri);
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    public override async Task DisposeAsync()
    {
        await Publisher.DisposeAsync();
        await base.DisposeAsync();
        await BrokerProxy.DisposeAsync();
        await Upstream.DisposeAsync();
    }

    public string AdminToken() => Token("admin");

    public string UserToken() => Token("user");

    private string Token(string role) => Upstream.Tokens.Issue(Guid.NewGuid(), role);

    public Task<HttpStatusCode> WaitUntilReadyAsync(TimeSpan timeout) => WaitForReadinessAsync(HttpStatusCode.OK, timeout);

    public Task<HttpStatusCode> WaitForReadinessAsync(HttpStatusCode status, TimeSpan timeout) =>
        Eventually.WaitAsync(async () => (await Client.GetAsync(new Uri("/api/search/health/ready", UriKind.Relative))).StatusCode,
            s => s == status, timeout, $"search readiness {status}");

    public async Task<SearchResponse> SearchAsync(string queryString)
    {
        using var response = await Client.GetAsync(new Uri("/api/search?" + queryString, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(SearchJsonContext.Default.SearchResponse))!;
    }

    /// <summary>Waits until a search answers as expected (events are applied asynchronously).</summary>
    public Task<SearchResponse> WaitForSearchAsync(string queryString, Func<SearchResponse, bool> done, string what, int seconds = 20) =>
        Eventually.WaitAsync(() => SearchAsync(queryString), done, TimeSpan.FromSeconds(seconds), what);
}

[CollectionDefinition(Name)]
public sealed class SearchHostCollection : ICollectionFixture<SearchHost>
{
    public const string Name = "search-host";
}
