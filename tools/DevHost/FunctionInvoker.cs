using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Covacha.DevHost;

/// <summary>
/// Calls one function the way the isolated worker does with ASP.NET Core integration: an
/// instance from the app's container per invocation, <c>HttpRequest</c>, <c>CancellationToken</c>
/// and route values bound by parameter name, and the returned <c>IResult</c> or
/// <c>IActionResult</c> executed against the response.
/// </summary>
public sealed class FunctionInvoker(FunctionApp app, FunctionRoute route, ILogger logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await using var scope = app.Services.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            var target = route.Method.IsStatic
                ? null
                : ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, route.FunctionClass);
            var arguments = route.Method.GetParameters().Select(p => Bind(p, context)).ToArray();
            var returned = route.Method.Invoke(target, arguments);
            var result = await Unwrap(returned);
            await Execute(result, context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            var inner = ex is System.Reflection.TargetInvocationException { InnerException: { } e } ? e : ex;
            logger.LogError(inner, "Function {Function} failed", route.FunctionName);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private static object? Bind(System.Reflection.ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(HttpContext))
        {
            return context;
        }

        var raw = context.GetRouteValue(parameter.Name!)?.ToString();
        if (raw is null)
        {
            return parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type == typeof(string) ? raw
            : type == typeof(Guid) ? Guid.Parse(raw, CultureInfo.InvariantCulture)
            : Convert.ChangeType(raw, type, CultureInfo.InvariantCulture);
    }

    private static async Task<object?> Unwrap(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var resultProperty = task.GetType().GetProperty("Result");
                return resultProperty?.PropertyType.Name == "VoidTaskResult" ? null : resultProperty?.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (returned?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    return await Unwrap(asTask);
                }

                return returned;
        }
    }

    private static Task Execute(object? result, HttpContext context) => result switch
    {
        IResult httpResult => httpResult.ExecuteAsync(context),
        IActionResult actionResult => actionResult.ExecuteResultAsync(
            new ActionContext(context, context.GetRouteData(), new ActionDescriptor())),
        null => Task.CompletedTask,
        _ => throw new InvalidOperationException($"Unsupported function result {result.GetType().Name}."),
    };
}
