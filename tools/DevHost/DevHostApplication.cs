using Covacha.Shared.Hosting;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

namespace Covacha.DevHost;

/// <summary>
/// Builds the one-origin web server: every HTTP function of the three apps mapped by its
/// attributes under the host.json route prefix, each app's hosted services started, and the
/// built frontend served at <c>/</c>.
/// </summary>
public static class DevHostApplication
{
    /// <param name="configureApp">
    /// Called with each app's name and services after its composition root (tests attach an
    /// in-memory trace exporter to an app's own tracer provider this way).
    /// </param>
    public static async Task<WebApplication> BuildAsync(
        string[] args, IDictionary<string, string?>? overrides = null,
        Action<string, IServiceCollection>? configureApp = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        var portSetting = overrides?.TryGetValue("COVACHA_PORT", out var fromOverrides) == true
            ? fromOverrides
            : builder.Configuration["COVACHA_PORT"];
        var port = int.TryParse(portSetting, out var parsed) ? parsed : 8080;
        var origin = $"http://127.0.0.1:{port}";

        // Defaults first, so environment variables and explicit overrides win.
        builder.Configuration.AddInMemoryCollection(Defaults(origin));
        builder.Configuration.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.WebHost.UseUrls(origin);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 100 * 1024 * 1024);
        var app = builder.Build();

        var apps = CovachaApps.Create();
        var loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
        foreach (var functionApp in apps)
        {
            await functionApp.StartAsync(app.Configuration, loggerFactory,
                services => configureApp?.Invoke(functionApp.Name, services), cancellationToken);
        }

        // After the server has drained (ApplicationStopped, not Stopping): requests in flight finish
        // against running apps, then each app's hosted services (relay, consumer) stop and drain.
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            foreach (var functionApp in apps.Reverse())
            {
                functionApp.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
                functionApp.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });

        app.Use(async (context, next) =>
        {
            SecurityHeaders.Apply(context.Response);
            if (context.Request.Path.StartsWithSegments(ApiDocsPath))
            {
                // Scalar's page starts itself with an inline script and inline styles.
                context.Response.Headers.ContentSecurityPolicy = ApiDocsContentSecurityPolicy;
            }

            await next(context);
        });

        var routePrefix = RoutePrefix.Read(Path.Combine(AppContext.BaseDirectory, "host.json"));
        var logger = loggerFactory.CreateLogger("Covacha.DevHost");
        foreach (var functionApp in apps)
        {
            foreach (var route in functionApp.Routes)
            {
                var invoker = new FunctionInvoker(functionApp, route, logger);
                app.MapMethods(route.PathTemplate(routePrefix), route.Methods, invoker.InvokeAsync)
                    .WithDisplayName($"{functionApp.Name}:{route.FunctionName}");
            }
        }

        // Interactive documentation of the three apps, read from the documents they serve.
        app.MapScalarApiReference(ApiDocsPath, options =>
        {
            options.WithTitle("Covacha API").HideDeveloperTools().DisableAgent();
            foreach (var functionApp in apps)
            {
                options.AddDocument(functionApp.Name, char.ToUpperInvariant(functionApp.Name[0]) + functionApp.Name[1..],
                    $"/{routePrefix.Trim('/')}/{functionApp.Name}/openapi.yaml", isDefault: functionApp == apps[0]);
            }
        });

        MapFrontend(app, routePrefix);
        return app;
    }

    public const string ApiDocsPath = "/api/docs";

    private const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; " +
        "connect-src 'self'; font-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The apps' own defaults (<see cref="AppDefaults"/>, the same under the Functions worker) and
    /// what only the dev host decides: one origin for the issuer, JWKS and export URLs, no
    /// Prometheus listener.
    /// </summary>
    private static Dictionary<string, string?> Defaults(string origin) => new(AppDefaults.Settings)
    {
        ["Identity:Issuer"] = "covacha-local",
        ["Identity:Audience"] = "covacha",
        ["Identity:JwksUrl"] = $"{origin}/api/auth/.well-known/jwks.json",
        ["Search:ProductsBaseUrl"] = origin,
        ["Auth:ProductsBaseUrl"] = origin,
        ["Auth:PublicUrl"] = origin,

        // The local SMTP sink ./covacha starts (scripts/lib.sh); the scripts pass its port.
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = "1025",
        ["Mail:Security"] = "None",
        ["Telemetry:PrometheusPort"] = "0",
    };

    private static void MapFrontend(WebApplication app, string routePrefix)
    {
        var apiPrefix = "/" + routePrefix.Trim('/');
        app.MapFallback(apiPrefix + "/{**rest}", (HttpContext context) =>
            Covacha.Shared.Http.Problems.NotFound($"No API route {context.Request.Method} {context.Request.Path}."));

        var dist = app.Configuration["DevHost:FrontendPath"] ?? FindFrontendDist();
        if (dist is null || !Directory.Exists(dist))
        {
            app.MapGet("/", () => Results.Text("Covacha APIs are up. Build the frontend (npm run build in frontend/) to serve the app here.", "text/plain"));
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(dist));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                // Vite names built assets by content hash, so they never change under one name.
                ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        // The app for every other path: 200 on its own routes, 404 elsewhere (it shows "Page not found").
        app.MapFallback(async context =>
        {
            var index = files.GetFileInfo("index.html");
            if (!index.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.StatusCode = SpaRoutes.IsKnown(context.Request.Path.Value ?? "/")
                ? StatusCodes.Status200OK
                : StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        });
    }

    private static string? FindFrontendDist()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Covacha.sln")))
            {
                return Path.Combine(dir.FullName, "frontend", "dist");
            }
        }

        return null;
    }
}
