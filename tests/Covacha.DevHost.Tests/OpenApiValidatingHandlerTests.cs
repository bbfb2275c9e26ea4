using System.Net;
using System.Text;
using Covacha.Testing;

namespace Covacha.DevHost.Tests;

/// <summary>
/// The handler that holds every integration-test response to the OpenAPI documents must be able
/// to fail: these tests drive it against the real health endpoints with deliberately wrong
/// documents, and against canned responses for the cases the health endpoints cannot produce.
/// </summary>
public sealed class OpenApiValidatingHandlerTests(OpenApiHostFixture host) : IClassFixture<OpenApiHostFixture>
{
    private const string LiveRight = """
        openapi: 3.1.0
        info: {title: fake, version: '1'}
        paths:
          /api/auth/health/live:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Live'
        components:
          schemas:
            Live:
              type: object
              additionalProperties: false
              required: [status, service]
              properties:
                status: {const: alive}
                service: {type: string}
        """;

    [Fact]
    public async Task Send_HealthLiveMatchingDocument_Passes()
    {
        using var client = Client(LiveRight);
        var response = await client.GetAsync("/api/auth/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alive", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StatusNotDocumented_Throws()
    {
        using var client = Client(LiveRight.Replace("'200':", "'503':", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/auth/health/live"));
        Assert.Contains("status 200 is not documented", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BodyViolatesReferencedSchema_ThrowsNamingTheField()
    {
        using var client = Client(LiveRight.Replace("status: {const: alive}", "status: {const: dead}", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/auth/health/live"));
        Assert.Contains("/status", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnexpectedProperty_Throws()
    {
        using var client = Client(LiveRight.Replace("service: {type: string}", "name: {type: string}", StringComparison.Ordinal)
            .Replace("required: [status, service]", "required: [status]", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/auth/health/live"));
        Assert.Contains("service", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_OperationNotDocumented_Throws()
    {
        using var client = Client(LiveRight);
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/auth/health/ready"));
        Assert.Contains("no operation GET /api/auth/health/ready", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ContentTypeNotDocumented_Throws()
    {
        using var client = Client(LiveRight.Replace("application/json:", "application/yaml:", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/auth/health/live"));
        Assert.Contains("Content-Type application/json is not documented", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RequiredHeaderMissing_Throws()
    {
        using var client = Client(LiveRight.Replace("description: ok", "description: ok\n          headers:\n            ETag: {required: true, schema: {type: string}}", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/auth/health/live"));
        Assert.Contains("required header ETag is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SkipHeader_LetsAnUndocumentedAnswerThrough()
    {
        using var client = Client(LiveRight.Replace("'200':", "'503':", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/health/live");
        request.Headers.Add(OpenApiValidatingHandler.SkipHeader, "deliberately undocumented");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(request.Headers.Contains(OpenApiValidatingHandler.SkipHeader), "the opt-out header must not reach the server");
    }

    [Fact]
    public async Task Send_PathOutsideTheServices_IsNotValidated()
    {
        using var client = Client(LiveRight);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Send_UnknownRouteUnderAService_NotFoundProblemPasses()
    {
        using var client = Client(LiveRight);
        var response = await client.GetAsync("/api/auth/no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HostClient_RealDocuments_AcceptHealthResponses()
    {
        foreach (var app in new[] { "auth", "products", "search" })
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/api/{app}/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/api/{app}/health/ready")).StatusCode);
        }
    }

    [Fact]
    public async Task Send_LiteralSegmentWinsOverParameter()
    {
        const string Doc = """
            openapi: 3.1.0
            info: {title: fake, version: '1'}
            paths:
              /api/products/{id}:
                get:
                  responses:
                    '404': {description: no}
              /api/products/categories:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, minItems: 2}
            """;
        using var client = Stubbed(Doc, HttpStatusCode.OK, "application/json", "[1]");
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/products/categories"));
        Assert.Contains("minItems", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"3\"", true)]
    [InlineData("W/\"3\"", false)]
    public async Task Send_HeaderValueCheckedAgainstSchema(string etag, bool valid)
    {
        const string Doc = """
            openapi: 3.1.0
            info: {title: fake, version: '1'}
            paths:
              /api/products/{id}:
                get:
                  responses:
                    '304':
                      description: not modified
                      headers:
                        ETag:
                          required: true
                          schema: {type: string, pattern: '^"[0-9]+"$'}
            """;
        using var client = Stubbed(Doc, HttpStatusCode.NotModified, null, null, ("ETag", etag));
        var send = () => client.GetAsync("/api/products/0b7e4d52-3c1a-4f7e-9d8b-5a6c2e1f0a93");
        if (valid)
        {
            Assert.Equal(HttpStatusCode.NotModified, (await send()).StatusCode);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<OpenApiValidationException>(send);
            Assert.Contains("header ETag", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Send_BodyWhereNoneDocumented_Throws()
    {
        const string Doc = """
            openapi: 3.1.0
            info: {title: fake, version: '1'}
            paths:
              /api/auth/logout:
                post:
                  responses:
                    '204': {description: done}
            """;
        using var client = Stubbed(Doc, HttpStatusCode.NoContent, "text/plain", "surprise");
        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.PostAsync("/api/auth/logout", null));
        Assert.Contains("where the document describes none", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RealProductsDocument_RejectsProblemWithWrongType()
    {
        var documents = new Dictionary<string, OpenApiDescription> { ["products"] = OpenApiDescription.ForApp("products") };
        using var client = new HttpClient(new OpenApiValidatingHandler(new StubHandler(HttpStatusCode.NotFound, "application/problem+json",
            """{"type":"https://covacha.dev/problems/validation","title":"x","status":404}""", []), documents))
        { BaseAddress = new Uri("http://127.0.0.1") };

        var ex = await Assert.ThrowsAsync<OpenApiValidationException>(() => client.GetAsync("/api/products/0b7e4d52-3c1a-4f7e-9d8b-5a6c2e1f0a93"));
        Assert.Contains("/type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RealProductsDocument_AcceptsDocumentedProduct()
    {
        var documents = new Dictionary<string, OpenApiDescription> { ["products"] = OpenApiDescription.ForApp("products") };
        const string Product = """
            {"id":"0b7e4d52-3c1a-4f7e-9d8b-5a6c2e1f0a93","ownerId":"6f1c2f9e-8a4b-4c1d-9a57-2b0e5d3c7a10",
             "name":"Cámara","description":"","price":19.99,"priceMinor":1999,"currency":"COP","category":"electronics",
             "imageUrl":null,"stock":0,"createdAt":"2026-11-25T12:00:00.1234567+00:00",
             "updatedAt":"2026-11-25T12:00:00.1234567+00:00","version":1}
            """;
        using var client = new HttpClient(new OpenApiValidatingHandler(
            new StubHandler(HttpStatusCode.OK, "application/json", Product, [("ETag", "\"1\"")]), documents))
        { BaseAddress = new Uri("http://127.0.0.1") };

        var response = await client.GetAsync("/api/products/0b7e4d52-3c1a-4f7e-9d8b-5a6c2e1f0a93");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HttpClient Client(string yaml)
    {
        var documents = new Dictionary<string, OpenApiDescription> { ["auth"] = OpenApiDescription.Parse("auth", yaml) };
        return new HttpClient(new OpenApiValidatingHandler(new HttpClientHandler(), documents)) { BaseAddress = host.BaseAddress };
    }

    private static HttpClient Stubbed(string yaml, HttpStatusCode status, string? mediaType, string? body, params (string Name, string Value)[] headers)
    {
        var service = yaml.Contains("/api/products", StringComparison.Ordinal) ? "products" : "auth";
        var documents = new Dictionary<string, OpenApiDescription> { [service] = OpenApiDescription.Parse(service, yaml) };
        return new HttpClient(new OpenApiValidatingHandler(new StubHandler(status, mediaType, body, headers), documents))
        {
            BaseAddress = new Uri("http://127.0.0.1"),
        };
    }

    private sealed class StubHandler(HttpStatusCode status, string? mediaType, string? body, (string Name, string Value)[] headers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request };
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, mediaType!);
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        }
    }
}
