using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;

namespace Covacha.Shared.Pipeline;

public static class RequestPipelineExtensions
{
    /// <summary>
    /// Runs every HTTP function through <see cref="RequestPipeline"/>. Call after
    /// <c>ConfigureFunctionsWebApplication</c>, so that this runs inside the ASP.NET Core
    /// integration's middleware (which executes the result this leaves).
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder UseRequestPipeline(this IFunctionsWorkerApplicationBuilder builder) =>
        builder.UseMiddleware<RequestPipelineMiddleware>();
}
