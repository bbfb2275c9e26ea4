using System.Net.Sockets;
using System.Reflection;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Shared.Pipeline;

/// <summary>
/// What runs around every HTTP function, under the Functions worker
/// (<see cref="RequestPipelineMiddleware"/>) and the dev host alike: the caller's token is
/// checked against the function's declared requirements, a dependency that cannot be reached
/// answers 503 with Retry-After, and any other exception is logged and answers a 500 problem.
/// Functions contain only their own logic.
/// </summary>
public static class RequestPipeline
{
    public const string LoggerName = "Covacha.RequestPipeline";
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="function"/> for the request unless its requirements refuse it, and
    /// gives what to answer with: the function's result, or a problem.
    /// </summary>
    /// <param name="services">The invocation's scoped services (the app's own provider).</param>
    public static async Task<object?> RunAsync(
        HttpContext http, IServiceProvider services, FunctionDescriptor descriptor, Func<Task<object?>> function)
    {
        var caller = new CallerFeature(services.GetService<AccessTokenValidator>(), http.Request);
        http.Features.Set(caller);
        try
        {
            if (await RefuseAsync(http, services, descriptor.Requirements, caller) is { } refused)
            {
                return refused;
            }

            return await function();
        }
        catch (Exception thrown) when (!http.RequestAborted.IsCancellationRequested)
        {
            var ex = Unwrap(thrown);
            var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LoggerName) ?? NullLogger.Instance;
            if (IsTransient(ex, services))
            {
                logger.LogWarning(ex, "Function {Function} could not reach a dependency", descriptor.Name);
                return http.Response.HasStarted
                    ? null
                    : Problems.Unavailable("A service this request needs is not reachable right now.", RetryAfter);
            }

            logger.LogError(ex, "Function {Function} failed", descriptor.Name);
            return http.Response.HasStarted ? null : Problems.Internal();
        }
    }

    /// <summary>PostgreSQL, socket and timeout failures, and whatever the app's filters recognise.</summary>
    public static bool IsTransient(Exception exception, IServiceProvider services)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is NpgsqlException { IsTransient: true } or TimeoutException or SocketException)
            {
                return true;
            }
        }

        return services.GetServices<ITransientFailureFilter>().Any(f => f.IsTransient(exception));
    }

    private static async Task<ApiProblem?> RefuseAsync(
        HttpContext http, IServiceProvider services, FunctionRequirements requirements, CallerFeature caller)
    {
        if (!requirements.SignedIn)
        {
            return null;
        }

        if (requirements.OrServiceKey && http.Request.Headers[ServiceKey.Header].ToString() is { Length: > 0 } presented)
        {
            return ServiceKey.Matches(presented, services.GetService<IServiceKeySource>()?.ServiceKey)
                ? null
                : Problems.Unauthorized("The service key is not valid.");
        }

        var (authenticated, problem) = await caller.AuthenticateAsync(http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        return requirements.Role is { } role && authenticated!.Role != role
            ? Problems.Forbidden(requirements.Denied ?? "You may not do this.")
            : null;
    }

    private static Exception Unwrap(Exception ex) => ex switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions: [var single] } => Unwrap(single),
        _ => ex,
    };
}
