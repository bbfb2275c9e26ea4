using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Covacha.DevHost.Tests;

public sealed class FunctionInvokerTests
{
    [Theory]
    [InlineData(nameof(InvokerTestFunctions.Sync))]
    [InlineData(nameof(InvokerTestFunctions.TaskOfResult))]
    [InlineData(nameof(InvokerTestFunctions.ValueTaskOfResult))]
    [InlineData(nameof(InvokerTestFunctions.StaticTask))]
    [InlineData(nameof(InvokerTestFunctions.ActionResult))]
    public async Task InvokeAsync_EachReturnShape_WritesTheFunctionsResponse(string function)
    {
        var context = await InvokeAsync(function);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(function, Body(context));
    }

    [Fact]
    public async Task InvokeAsync_RouteValues_BoundByNameAndType()
    {
        var id = Guid.NewGuid();

        var context = await InvokeAsync(nameof(InvokerTestFunctions.Bound), new() { ["id"] = id.ToString(), ["count"] = "7" });

        Assert.Equal($"{id} 7 fallback", Body(context));
    }

    [Theory]
    [InlineData(nameof(InvokerTestFunctions.ThrowsSync))]
    [InlineData(nameof(InvokerTestFunctions.ThrowsAsync))]
    public async Task InvokeAsync_FunctionThrows_Answers500Problem(string function)
    {
        var context = await InvokeAsync(function);

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains("https://covacha.dev/problems/internal", Body(context));
    }

    private static async Task<HttpContext> InvokeAsync(string function, RouteValueDictionary? routeValues = null)
    {
        await using var app = new FunctionApp("invoker", typeof(InvokerTestFunctions).Assembly, (_, _) => { });
        await app.StartAsync(new ConfigurationBuilder().Build(), NullLoggerFactory.Instance, CancellationToken.None);
        var route = app.Routes.Single(r => r.FunctionName == function);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.RouteValues = routeValues ?? [];
        context.Response.Body = new MemoryStream();
        await new FunctionInvoker(app, route, NullLogger.Instance).InvokeAsync(context);
        await app.StopAsync(CancellationToken.None);
        return context;
    }

    private static string Body(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}

/// <summary>One function per shape a function's signature can take.</summary>
public sealed class InvokerTestFunctions
{
    [Function(nameof(Sync))]
    public ContentHttpResult Sync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/sync")] HttpRequest request) =>
        TypedResults.Text(nameof(Sync));

    [Function(nameof(TaskOfResult))]
    public async Task<IResult> TaskOfResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/task")] HttpRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return TypedResults.Text(nameof(TaskOfResult));
    }

    [Function(nameof(ValueTaskOfResult))]
    public async ValueTask<IResult> ValueTaskOfResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/valuetask")] HttpRequest request)
    {
        await Task.Yield();
        return TypedResults.Text(nameof(ValueTaskOfResult));
    }

    [Function(nameof(StaticTask))]
    public static async Task StaticTask([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/static")] HttpRequest request) =>
        await request.HttpContext.Response.WriteAsync(nameof(StaticTask));

    [Function(nameof(ActionResult))]
    public IActionResult ActionResult([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/action")] HttpRequest request) =>
        new ContentResult { Content = nameof(ActionResult) };

    [Function(nameof(Bound))]
    public IResult Bound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/{id:guid}/{count:int}")] HttpRequest request,
        Guid id, int count, string absent = "fallback") =>
        TypedResults.Text($"{id} {count} {absent}");

    [Function(nameof(ThrowsSync))]
    public IResult ThrowsSync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/throws")] HttpRequest request) =>
        throw new InvalidOperationException("sync");

    [Function(nameof(ThrowsAsync))]
    public async Task<IResult> ThrowsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/throws-async")] HttpRequest request)
    {
        await Task.Yield();
        throw new InvalidOperationException("async");
    }
}
