using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Covacha.Testing;

namespace Covacha.Products.Tests.Infrastructure;

/// <summary>
/// The dev host for the Products tests: tokens from <see cref="TestTokenIssuer"/>, the broker
/// reached through a <see cref="TcpProxy"/> the tests can cut, and an <see cref="EventTap"/>
/// recording every event the relay publishes.
/// </summary>
public sealed class ProductsHost() : CovachaHost("tests-products")
{
    public TestTokenIssuer Tokens { get; } = new();
    public TcpProxy BrokerProxy { get; private set; } = null!;
    public EventTap Events { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        var broker = new Uri(TestEnvironment.RabbitMqUri);
        BrokerProxy = new TcpProxy(broker.Host, broker.Port);
        Events = await EventTap.StartAsync(RabbitMqUri);
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> ExtraSettings()
    {
        var broker = new Uri(TestEnvironment.RabbitMqUri);
        return new Dictionary<string, string?>
        {
            ["Identity:JwksUrl"] = Tokens.JwksUrl,
            ["ConnectionStrings:RabbitMQ"] = $"amqp://{broker.UserInfo}@127.0.0.1:{BrokerProxy.Port}/tests-products",
        };
    }

    public string UserToken(Guid? userId = null) => Tokens.Issue(userId ?? Guid.NewGuid());

    public string AdminToken() => Tokens.Issue(Guid.NewGuid(), "admin");

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token = null, string? json = null,
        string contentType = "application/json", string? ifMatch = null, string? ifNoneMatch = null,
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Creates a product as the token's user and returns its body and ETag (fails the test otherwise).</summary>
    public async Task<(JsonElement Product, string ETag)> CreateAsync(string token, JsonObject? body = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/products", token, (body ?? ProductBody.Valid()).ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {text}");
        return (JsonDocument.Parse(text).RootElement.Clone(), response.Headers.ETag!.ToString());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Events.DisposeAsync();
        await BrokerProxy.DisposeAsync();
        Tokens.Dispose();
    }
}
