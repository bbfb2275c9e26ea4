using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Covacha.Shared.Pipeline;

/// <summary>
/// <see cref="RequestPipeline"/> under the Functions worker. It runs inside the ASP.NET Core
/// integration's own middleware, which executes whatever is left as the invocation result (an
/// <c>IResult</c> or <c>IActionResult</c>) against the response once this returns; so a refusal or
/// a problem is simply set as the invocation result in place of the function's.
/// </summary>
public sealed class RequestPipelineMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, FunctionDescriptor> s_functions = new(StringComparer.Ordinal);

    private readonly Func<FunctionContext, object?> _readResult;
    private readonly Action<FunctionContext, object?> _writeResult;

    public RequestPipelineMiddleware()
        : this(static c => c.GetInvocationResult().Value, static (c, value) => c.GetInvocationResult().Value = value)
    {
    }

    /// <summary>For tests: the invocation result's storage is internal to the worker.</summary>
    internal RequestPipelineMiddleware(Func<FunctionContext, object?> readResult, Action<FunctionContext, object?> writeResult)
    {
        _readResult = readResult;
        _writeResult = writeResult;
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var descriptor = s_functions.GetOrAdd(context.FunctionDefinition.Name, static (_, definition) => Describe(definition), context.FunctionDefinition);
        var result = await RequestPipeline.RunAsync(http, context.InstanceServices, descriptor, async () =>
        {
            await next(context);
            return _readResult(context);
        });
        _writeResult(context, result);
    }

    /// <summary>Finds the function's method from the worker's entry point (<c>Namespace.Class.Method</c>).</summary>
    internal static FunctionDescriptor Describe(FunctionDefinition definition)
    {
        var entryPoint = definition.EntryPoint;
        var dot = entryPoint.LastIndexOf('.');
        var typeName = entryPoint[..dot];
        var methodName = entryPoint[(dot + 1)..];
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .Select(a => a.GetType(typeName))
            .FirstOrDefault(t => t is not null)
            ?? Assembly.LoadFrom(definition.PathToAssembly).GetType(typeName, throwOnError: true)!;
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == methodName)
            .ToList();
        var method = candidates.FirstOrDefault(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == definition.Name)
            ?? candidates.First();
        return FunctionDescriptor.Of(definition.Name, method);
    }
}
