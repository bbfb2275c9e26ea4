using Covacha.Shared.Data;
using Covacha.Shared.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Covacha.Shared.Hosting;

/// <summary>
/// How every Covacha Functions app runs: <c>Program.cs</c> is one call to <see cref="RunAsync"/>.
/// With <c>--migrate</c> it migrates and exits (no worker), with one of the app's own commands it
/// runs that and exits; otherwise it builds the isolated worker host and runs it until the
/// Functions host stops it.
/// </summary>
public static class FunctionsAppRunner
{
    public static async Task<int> RunAsync(string[] args, FunctionsAppDefinition app)
    {
        if (args.Contains(MigrationCommand.Argument))
        {
            return await MigrationCommand.RunAsync(args, app.AddMigrations);
        }

        if (app.Commands?.FirstOrDefault(c => args.Contains(c.Key)) is { Value: { } command })
        {
            return await command(args);
        }

        using var host = CreateBuilder(args, app).Build();
        await host.RunAsync();
        return 0;
    }

    /// <summary>
    /// The worker host as <see cref="RunAsync"/> builds it, not yet built: tests build it (without a
    /// Functions host to connect to) and resolve what the worker would create.
    /// </summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args, FunctionsAppDefinition app)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        AppDefaults.AddSettings(builder.Configuration);
        builder.ConfigureFunctionsWebApplication();
        builder.UseRequestPipeline();

        // The worker's OpenTelemetry defaults come before the app's telemetry (and its Azure Monitor
        // exporter): they tell the Functions host not to report invocations on the worker's behalf
        // (with host.json's telemetryMode, no duplicates) and add the worker's invocation spans.
        // The app's own service name, set after them, stays the resource's name.
        builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        app.AddServices(builder.Services, builder.Configuration);
        return builder;
    }
}
