using System.Globalization;
using Covacha.Products.Data;
using Covacha.Products.Model;
using Covacha.Shared.Data;
using Covacha.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Covacha.Products.Demo;

/// <summary>
/// <c>dotnet Covacha.Products.dll --seed-demo --seller-id &lt;account id&gt; [--count N]</c>: fills an
/// empty catalogue with the <see cref="DemoCatalogue"/>, published by that account, and leaves a
/// catalogue that ever held a product alone. An operator's command (<c>./covacha up</c> runs it
/// for the demo account), not an API call: the per-user create limit is for people, and
/// hundreds of creates belong in one transaction. It migrates the schema first, validates every
/// product as a create does, and writes products and their events as a create does, so Search
/// indexes them through the relay. Prints one line on stdout (what it did); logs go to stderr.
/// Exit codes: 0 seeded or not needed, 1 failed, 2 bad arguments (nothing written).
/// </summary>
public static class DemoSeedCommand
{
    public const string Argument = "--seed-demo";
    public const string SellerArgument = "--seller-id";
    public const string CountArgument = "--count";

    private const string Usage =
        "usage: dotnet Covacha.Products.dll --seed-demo --seller-id <account id> [--count N]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (Parse(args) is not { } parsed)
        {
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(parsed.Rest);
        AppDefaults.AddSettings(builder.Configuration);
        // Logs on stderr, so stdout carries only the outcome line that scripts read.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Services.Configure<ConsoleLoggerOptions>(ToStandardError);
        using var loggerFactory = LoggerFactory.Create(l =>
        {
            l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole();
            l.Services.Configure<ConsoleLoggerOptions>(ToStandardError);
        });
        var logger = loggerFactory.CreateLogger(typeof(DemoSeedCommand));
        try
        {
            // Composition errors (a missing connection string, bad currency settings) are reported like any other failure.
            builder.Services.AddProductsSeeding(builder.Configuration);
            using var host = builder.Build();
            foreach (var migration in host.Services.GetServices<ISchemaMigration>())
            {
                await migration.MigrateAsync(CancellationToken.None);
            }

            var validator = host.Services.GetRequiredService<ProductValidator>();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var products = new List<(ProductFields, DateTimeOffset)>(parsed.Count);
            foreach (var demo in DemoCatalogue.Generate(parsed.Count, now))
            {
                var (fields, problem) = validator.Validate(demo.Input);
                if (fields is null)
                {
                    var errors = string.Join("; ", problem!.Errors?.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}") ?? [problem.Title]);
                    throw new InvalidOperationException(
                        $"This configuration refuses the demo product \"{demo.Input.Name}\" ({errors}); nothing was written.");
                }

                products.Add((fields, demo.ListedAt));
            }

            var written = await host.Services.GetRequiredService<ProductStore>().SeedAsync(parsed.SellerId, products, CancellationToken.None);
            await Console.Out.WriteLineAsync(written > 0 ? $"seeded {written} demo products" : "catalogue not empty, not seeded");
            return 0;
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Seeding the demo catalogue failed");
            return 1;
        }
    }

    private static void ToStandardError(ConsoleLoggerOptions options) => options.LogToStandardErrorThreshold = LogLevel.Trace;

    private sealed record Arguments(Guid SellerId, int Count, string[] Rest);

    /// <summary>The seller, the count and the other arguments (configuration for the host), or null after printing why not.</summary>
    private static Arguments? Parse(string[] args)
    {
        string? seller = null, count = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case Argument:
                    break;
                case SellerArgument or CountArgument when i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    return Fail($"{args[i]} needs a value.");
                case SellerArgument:
                    seller = args[++i];
                    break;
                case CountArgument:
                    count = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (seller is null)
        {
            return Fail($"{SellerArgument} is required: the id of the account that publishes the demo products.");
        }

        if (!Guid.TryParse(seller, out var sellerId) || sellerId == Guid.Empty)
        {
            return Fail($"{SellerArgument} '{seller}' is not an account id (a UUID such as 0192f3c4-8b1e-7c55-9a41-3d2e6f7a8b90).");
        }

        var n = DemoCatalogue.DefaultCount;
        if (count is not null
            && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1 || n > DemoCatalogue.MaxCount))
        {
            return Fail($"{CountArgument} '{count}' must be a whole number from 1 to {DemoCatalogue.MaxCount}.");
        }

        return new Arguments(sellerId, n, [.. rest]);
    }

    private static Arguments? Fail(string message)
    {
        Console.Error.WriteLine($"{message}\n{Usage}");
        return null;
    }
}
