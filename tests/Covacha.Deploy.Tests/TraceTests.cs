using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Covacha.Deploy.Tests.Support;
using Covacha.Products.Messaging;
using Covacha.Search.Messaging;
using Covacha.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Covacha.Deploy.Tests;

/// <summary>
/// The dev host with every app's own tracer provider (the one that exports to Azure Monitor in
/// production) also writing to an in-memory exporter. It uses the tests-deploy virtual host,
/// emptied first, so no other consumer takes its events.
/// </summary>
public sealed class TracedHost() : CovachaHost("tests-deploy")
{
    public TestTokenIssuer Tokens { get; } = new();
    public SpanCollection Spans { get; } = new();

    public override async Task InitializeAsync()
    {
        await ProductEventQueues.ResetAsync(RabbitMqUri);
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Identity:JwksUrl"] = Tokens.JwksUrl,
    };

    protected override void ConfigureApp(string app, IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Tokens.Dispose();
    }
}

[Collection(InProcessApps.Name)]
public sealed class TraceTests(TracedHost host) : IClassFixture<TracedHost>
{
    [Fact]
    public async Task CreateProduct_OneTrace_RunsFromTheRequestThroughTheOutboxAndRabbitMqIntoSearch()
    {
        // The caller's context, as the gateway or a browser's instrumentation would send it. The
        // test's own HttpClient is instrumented too (same process), so it may add a client span
        // between the caller and the server.
        using var caller = new Activity("caller");
        caller.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        caller.Start();
        var traceId = caller.TraceId;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/products")
        {
            Content = new StringContent(
                """{"name":"Farol trazado","description":"Una traza de punta a punta.","price":52000,"currency":"COP","category":"home","imageUrl":"https://images.example.com/farol.jpg","stock":2}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Tokens.Issue(Guid.NewGuid()));

        using var response = await host.Client.SendAsync(request);
        caller.Stop();
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {text}");

        IReadOnlyList<Activity> spans;
        try
        {
            spans = await Eventually.WaitAsync(
                () => Task.FromResult(host.Spans.InTrace(traceId)),
                s => s.Any(IsServer) && s.Any(IsPublish) && s.Any(IsConsume),
                TimeSpan.FromSeconds(30),
                "the request's, the relay's and the consumer's spans in the caller's trace");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nTrace {traceId}; spans recorded:\n{host.Spans.Describe()}", ex);
        }

        // Parent links: caller -> POST /api/products -> (outbox row) publish -> (RabbitMQ) Search's write.
        var server = Assert.Single(spans, IsServer);
        Assert.Equal(caller.SpanId, CallingSpan(spans, server));
        Assert.Equal("POST", server.GetTagItem("http.request.method"));
        var publish = Assert.Single(spans, IsPublish);
        Assert.Equal(server.SpanId, publish.ParentSpanId);
        Assert.Equal("product.created", publish.GetTagItem("messaging.rabbitmq.destination.routing_key"));
        var consume = Assert.Single(spans, IsConsume);
        Assert.Equal(publish.SpanId, consume.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, consume.Status);

        // The write itself shows in the same trace: Products' insert under the request.
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.ParentSpanId == server.SpanId);
    }

    /// <summary>The server span's parent, or the parent of the test HttpClient's span in between.</summary>
    private static ActivitySpanId CallingSpan(IReadOnlyList<Activity> spans, Activity server) =>
        spans.SingleOrDefault(s => s.SpanId == server.ParentSpanId && s.Kind == ActivityKind.Client) is { } client
            ? client.ParentSpanId
            : server.ParentSpanId;

    private static bool IsServer(Activity span) => span.Kind == ActivityKind.Server;

    private static bool IsPublish(Activity span) =>
        span.Kind == ActivityKind.Producer && span.Source.Name == OutboxTracing.Activities.Name;

    private static bool IsConsume(Activity span) =>
        span.Kind == ActivityKind.Consumer && span.Source.Name == ProductEventConsumer.Activities.Name;
}
