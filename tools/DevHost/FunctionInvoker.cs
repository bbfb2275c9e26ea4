using System.Globalization;
using System.Reflection;
using Covacha.Shared.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Covacha.DevHost;

/// <summary>
/// Calls one function the way the isolated worker does with ASP.NET Core integration: an
/// instance from the app's container per invocation, <c>HttpRequest</c>, <c>CancellationToken</c>
/// and route values bound by parameter name, run through the shared <see cref="RequestPipeline"/>
/// (as the worker runs it as middleware), and the returned <c>IResult</c> or <c>IActionResult</c>
/// executed against the response.
/// </summary>
/// <remarks>
/// The reflection (parameter binding, the function class's constructor, how to await the return
/// type) is worked out once per route here, not on every request.
/// </remarks>
public sealed class FunctionInvoker(FunctionApp app, FunctionRoute route, ILogger logger)
{
    private readonly Func<HttpContext, object?>[] _binders = route.Method.GetParameters().Select(Binder).ToArray();
    private readonly ObjectFactory? _createFunctionClass = route.Method.IsStatic
        ? null
        : ActivatorUtilities.CreateFactory(route.FunctionClass, Type.EmptyTypes);
    private readonly MethodInvoker _method = MethodInvoker.Create(route.Method);
    private readonly Func<object?, Task<object?>> _unwrap = Unwrapper(route.Method.ReturnType);

    private readonly FunctionDescriptor _descriptor = FunctionDescriptor.Of(route.FunctionName, route.Method);

    public async Task InvokeAsync(HttpContext context)
    {
        await using var scope = app.Services.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            var result = await RequestPipeline.RunAsync(context, scope.ServiceProvider, _descriptor, async () =>
            {
                var target = _createFunctionClass is null
                    ? null
                    : scope.ServiceProvider.GetService(route.FunctionClass) ?? _createFunctionClass(scope.ServiceProvider, null);
                var arguments = new object?[_binders.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = _binders[i](context);
                }

                return await _unwrap(_method.Invoke(target, arguments.AsSpan()));
            });
            await Execute(result, context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Only executing the result can fail here; under the worker that fails the invocation too.
            logger.LogError(ex, "Function {Function} failed writing its response", route.FunctionName);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private static Func<HttpContext, object?> Binder(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(HttpContext))
        {
            return context => context;
        }

        var name = parameter.Name!;
        var missing = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        Func<string, object> convert = type == typeof(string) ? raw => raw
            : type == typeof(Guid) ? raw => Guid.Parse(raw, CultureInfo.InvariantCulture)
            : raw => Convert.ChangeType(raw, type, CultureInfo.InvariantCulture);
        return context => context.GetRouteValue(name)?.ToString() is { } raw ? convert(raw) : missing;
    }

    /// <summary>Awaits what the function returned, by its declared type, and gives its result (null for none).</summary>
    private static Func<object?, Task<object?>> Unwrapper(Type returnType)
    {
        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return returnType == typeof(Task) ? AwaitTask : AwaitValueTask;
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        {
            var helper = definition == typeof(Task<>) ? nameof(AwaitTaskOf) : nameof(AwaitValueTaskOf);
            return typeof(FunctionInvoker).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()[0])
                .CreateDelegate<Func<object?, Task<object?>>>();
        }

        return returned => Task.FromResult(returned);
    }

    private static async Task<object?> AwaitTask(object? returned)
    {
        if (returned is Task task)
        {
            await task;
        }

        return null;
    }

    private static async Task<object?> AwaitValueTask(object? returned)
    {
        if (returned is ValueTask task)
        {
            await task;
        }

        return null;
    }

    private static async Task<object?> AwaitTaskOf<T>(object? returned) => returned is Task<T> task ? await task : null;

    private static async Task<object?> AwaitValueTaskOf<T>(object? returned) => returned is ValueTask<T> task ? await task : null;

    private static Task Execute(object? result, HttpContext context) => result switch
    {
        IResult httpResult => httpResult.ExecuteAsync(context),
        IActionResult actionResult => actionResult.ExecuteResultAsync(
            new ActionContext(context, context.GetRouteData(), new ActionDescriptor())),
        null => Task.CompletedTask,
        _ => throw new InvalidOperationException($"Unsupported function result {result.GetType().Name}."),
    };
}
