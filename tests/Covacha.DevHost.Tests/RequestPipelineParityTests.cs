using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Covacha.Shared.Identity;
using Covacha.Shared.Pipeline;
using Covacha.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Npgsql;

namespace Covacha.DevHost.Tests;

/// <summary>
/// The request pipeline answers the same under both hosts: the worker middleware (driven with a
/// constructed <see cref="FunctionContext"/>, its result executed as the worker's ASP.NET Core
/// integration executes it) and the dev host's invoker give the same status, headers and body.
/// </summary>
public sealed class RequestPipelineParityTests : IAsyncLifetime, IDisposable
{
    public const string Key = "0123456789abcdef-service-key";
    private static readonly Guid User = Guid.NewGuid();

    private readonly TestTokenIssuer _tokens = new();
    private FunctionApp _app = null!;

    public static TheoryData<string, string, int> Cases() => new()
    {
        { "anonymous", nameof(PipelineTestFunctions.Open), 200 },
        { "no token", nameof(PipelineTestFunctions.SignedIn), 401 },
        { "malformed token", nameof(PipelineTestFunctions.SignedIn), 401 },
        { "token from another key", nameof(PipelineTestFunctions.SignedIn), 401 },
        { "user token", nameof(PipelineTestFunctions.SignedIn), 200 },
        { "user token", nameof(PipelineTestFunctions.AdminOnly), 403 },
        { "admin token", nameof(PipelineTestFunctions.AdminOnly), 200 },
        { "no token", nameof(PipelineTestFunctions.AdminOrService), 401 },
        { "user token", nameof(PipelineTestFunctions.AdminOrService), 403 },
        { "service key", nameof(PipelineTestFunctions.AdminOrService), 200 },
        { "wrong service key", nameof(PipelineTestFunctions.AdminOrService), 401 },
        { "user token", nameof(PipelineTestFunctions.DatabaseDown), 503 },
        { "anonymous", nameof(PipelineTestFunctions.TimesOut), 503 },
        { "anonymous", nameof(PipelineTestFunctions.Throws), 500 },
    };

    public async Task InitializeAsync()
    {
        _app = new FunctionApp("pipeline", typeof(PipelineTestFunctions).Assembly, (services, _) =>
        {
            services.AddSingleton(_tokens.Keys);
            services.AddOptions<IdentityOptions>().Configure(o =>
            {
                o.Issuer = TestTokenIssuer.Issuer;
                o.Audience = TestTokenIssuer.Audience;
            });
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<AccessTokenValidator>();
            services.AddSingleton<IServiceKeySource>(new ServiceKeySource());
        });
        await _app.StartAsync(new ConfigurationBuilder().Build(), NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    public void Dispose() => _tokens.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BothHosts_SameRequest_SameAnswer(string caller, string function, int expectedStatus)
    {
        var devHost = await ViaDevHostAsync(function, caller);
        var worker = await ViaWorkerMiddlewareAsync(function, caller);

        Assert.Equal(expectedStatus, devHost.Status);
        Assert.Equal(devHost, worker);
        if (expectedStatus >= 400)
        {
            Assert.Equal("application/problem+json", devHost.ContentType);
            using var problem = JsonDocument.Parse(devHost.Body);
            Assert.Equal(expectedStatus, problem.RootElement.GetProperty("status").GetInt32());
            Assert.StartsWith("https://covacha.dev/problems/", problem.RootElement.GetProperty("type").GetString());
        }

        Assert.Equal(expectedStatus == 503 ? "5" : null, devHost.RetryAfter);
    }

    [Fact]
    public async Task Caller_SignedInFunction_SeesTheTokensSubject()
    {
        var userId = Guid.NewGuid();

        var answer = await ViaWorkerMiddlewareAsync(nameof(PipelineTestFunctions.SignedIn), "user token", userId);

        Assert.Equal(userId.ToString(), answer.Body);
    }

    private async Task<Answer> ViaDevHostAsync(string function, string caller)
    {
        var route = _app.Routes.Single(r => r.FunctionName == function);
        var http = Request(caller, route.Route);
        await new FunctionInvoker(_app, route, NullLogger.Instance).InvokeAsync(http);
        return Answer.Of(http);
    }

    /// <summary>
    /// What the worker does: its ASP.NET Core integration hands our middleware the HttpContext in
    /// <c>FunctionContext.Items</c>, the invoker behind <c>next</c> stores the function's return
    /// value as the invocation result, and the integration executes what is left there.
    /// </summary>
    private async Task<Answer> ViaWorkerMiddlewareAsync(string function, string caller, Guid? userId = null)
    {
        var route = _app.Routes.Single(r => r.FunctionName == function);
        var http = Request(caller, route.Route, userId);
        await using var scope = _app.Services.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;

        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(route.FunctionName);
        definition.SetupGet(d => d.EntryPoint).Returns($"{route.FunctionClass.FullName}.{route.Method.Name}");
        definition.SetupGet(d => d.PathToAssembly).Returns(route.FunctionClass.Assembly.Location);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        context.SetupGet(c => c.InstanceServices).Returns(scope.ServiceProvider);

        object? invocationResult = null;
        var middleware = new RequestPipelineMiddleware(_ => invocationResult, (_, value) => invocationResult = value);
        await middleware.Invoke(context.Object, async _ =>
        {
            var target = ActivatorUtilities.CreateInstance(scope.ServiceProvider, route.FunctionClass);
            try
            {
                invocationResult = await (Task<IResult>)route.Method.Invoke(target, [http.Request])!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            }
        });

        if (invocationResult is IResult result)
        {
            await result.ExecuteAsync(http);
        }

        return Answer.Of(http);
    }

    private DefaultHttpContext Request(string caller, string route, Guid? userId = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/api/" + route;
        http.Response.Body = new MemoryStream();
        var headers = http.Request.Headers;
        switch (caller)
        {
            case "malformed token":
                headers.Authorization = "Bearer not-a-token";
                break;
            case "token from another key":
                using (var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
                {
                    headers.Authorization = "Bearer " + _tokens.Issue(Guid.NewGuid(), signWith: other);
                }

                break;
            case "user token":
                headers.Authorization = "Bearer " + _tokens.Issue(userId ?? User);
                break;
            case "admin token":
                headers.Authorization = "Bearer " + _tokens.Issue(Guid.NewGuid(), Roles.Admin);
                break;
            case "service key":
                headers[ServiceKey.Header] = Key;
                break;
            case "wrong service key":
                headers[ServiceKey.Header] = "not-the-key-at-all";
                break;
        }

        return http;
    }

    private sealed record Answer(int Status, string? ContentType, string? RetryAfter, string Body)
    {
        public static Answer Of(HttpContext http) => new(
            http.Response.StatusCode,
            http.Response.ContentType,
            http.Response.Headers.RetryAfter.Count == 0 ? null : http.Response.Headers.RetryAfter.ToString(),
            Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
    }

    private sealed class ServiceKeySource : IServiceKeySource
    {
        public string? ServiceKey => Key;
    }
}

/// <summary>One function per requirement and failure the pipeline handles.</summary>
public sealed class PipelineTestFunctions
{
    [Function(nameof(Open))]
    public Task<IResult> Open([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "p/open")] HttpRequest request) =>
        Task.FromResult<IResult>(TypedResults.Text("open"));

    [Function(nameof(SignedIn))]
    [SignedIn]
    public Task<IResult> SignedIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "p/signed-in")] HttpRequest request) =>
        Task.FromResult<IResult>(TypedResults.Text(request.Caller().UserId.ToString()));

    [Function(nameof(AdminOnly))]
    [RequireRole(Roles.Admin, Denied = "Only an admin may do this.")]
    public Task<IResult> AdminOnly([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "p/admin")] HttpRequest request) =>
        Task.FromResult<IResult>(TypedResults.Text("admin"));

    [Function(nameof(AdminOrService))]
    [RequireRole(Roles.Admin, Denied = "Only an admin or a service may do this.", OrServiceKey = true)]
    public Task<IResult> AdminOrService([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "p/admin-or-service")] HttpRequest request) =>
        Task.FromResult<IResult>(TypedResults.Text("admin or service"));

    [Function(nameof(DatabaseDown))]
    [SignedIn]
    public async Task<IResult> DatabaseDown([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "p/database-down")] HttpRequest request)
    {
        await Task.Yield();
        throw new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
    }

    [Function(nameof(TimesOut))]
    public Task<IResult> TimesOut([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "p/times-out")] HttpRequest request) =>
        throw new TimeoutException("The operation has timed out.");

    [Function(nameof(Throws))]
    public async Task<IResult> Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "p/throws")] HttpRequest request)
    {
        await Task.Yield();
        throw new InvalidOperationException("a bug");
    }
}
