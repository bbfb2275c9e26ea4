using System.Text.Json;
using Covacha.Auth;
using Covacha.Deploy.Tests.Support;
using Covacha.Products;
using Covacha.Search;
using Covacha.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Covacha.Deploy.Tests;

/// <summary>
/// <c>func start</c> needs no hand edits: the committed <c>local.settings.example.json</c> files
/// agree with each other and with the scripts (ports, issuer, service key), and the files
/// <c>./covacha services</c> writes have the examples' keys and start each app's worker host.
/// </summary>
[Collection(InProcessApps.Name)]
public sealed class LocalSettingsTests
{
    private const string Jwks = "http://127.0.0.1:7071/api/auth/.well-known/jwks.json";
    private static readonly string[] Apps = ["Auth", "Products", "Search"];

    [Fact]
    public void Examples_AgreeWithEachOtherAndWithTheScripts()
    {
        var examples = Apps.ToDictionary(a => a, a => Values(Repository.Read("functions", a, "local.settings.example.json")));

        Assert.Single(examples.Values.Select(v => v["Identity__Issuer"]).Distinct());
        Assert.Single(examples.Values.Select(v => v["Identity__Audience"]).Distinct());
        Assert.Equal(Jwks, examples["Products"]["Identity__JwksUrl"]);
        Assert.Equal(Jwks, examples["Search"]["Identity__JwksUrl"]);
        Assert.Equal("http://127.0.0.1:7072", examples["Search"]["Search__ProductsBaseUrl"]);
        Assert.Equal(examples["Products"]["Products__ServiceKey"], examples["Search"]["Search__ProductsServiceKey"]);
        Assert.Equal(examples["Products"]["ConnectionStrings__RabbitMQ"], examples["Search"]["ConnectionStrings__RabbitMQ"]);

        var lib = Repository.Read("scripts", "lib.sh");
        Assert.Contains("RABBITMQ_PORT=\"${COVACHA_RABBITMQ_PORT:-55672}\"", lib, StringComparison.Ordinal);
        Assert.Contains("PG_PORT=\"${COVACHA_PG_PORT:-55432}\"", lib, StringComparison.Ordinal);
        Assert.Contains("FUNC_PORT_AUTH=7071 FUNC_PORT_PRODUCTS=7072 FUNC_PORT_SEARCH=7073", lib, StringComparison.Ordinal);
        Assert.StartsWith("amqp://covacha:covacha@127.0.0.1:55672", examples["Products"]["ConnectionStrings__RabbitMQ"], StringComparison.Ordinal);
        foreach (var app in Apps)
        {
            Assert.Contains("Port=55432", examples[app][$"ConnectionStrings__{app}"], StringComparison.Ordinal);
            Assert.Contains($"Database={app.ToLowerInvariant()}", examples[app][$"ConnectionStrings__{app}"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ServicesCommand_WritesSettingsWithTheExamplesKeysThatStartEveryApp()
    {
        var root = Directory.CreateTempSubdirectory("covacha-settings-").FullName;
        try
        {
            foreach (var app in Apps)
            {
                Directory.CreateDirectory(Path.Combine(root, "functions", app));
            }

            // The same calls scripts/up.sh makes for `./covacha services`, into a scratch tree.
            var (exitCode, output) = await AppBuild.RunAsync(
                ["bash", "-c", $"source '{Repository.PathOf("scripts", "lib.sh")}' && ensure_local_secrets && export_app_connections && write_local_settings"],
                new Dictionary<string, string>
                {
                    ["ROOT"] = root,
                    ["COVACHA_STATE"] = Path.Combine(root, ".covacha"),
                    ["PG_ADMIN"] = "Host=127.0.0.1;Port=55432;Username=covacha;Password=covacha;Database=postgres",
                    ["RABBITMQ_URI"] = "amqp://covacha:covacha@127.0.0.1:55672",
                },
                TimeSpan.FromMinutes(1));
            Assert.True(exitCode == 0, output);

            var written = Apps.ToDictionary(a => a, a => Values(File.ReadAllText(Path.Combine(root, "functions", a, "local.settings.json"))));
            foreach (var app in Apps)
            {
                var example = Values(Repository.Read("functions", app, "local.settings.example.json"));
                Assert.Equal(example.Keys.Order(StringComparer.Ordinal), written[app].Keys.Order(StringComparer.Ordinal));
                Assert.DoesNotContain(written[app], p => p.Value.Contains("<written by", StringComparison.Ordinal));
                foreach (var (key, value) in example.Where(p => !p.Value.Contains("<written by", StringComparison.Ordinal)))
                {
                    Assert.True(value == written[app][key], $"{app} {key}: example '{value}', written '{written[app][key]}'");
                }

                using var host = FunctionsAppRunner.CreateBuilder(Arguments(written[app]), Definition(app)).Build();
                host.Services.GetRequiredService<IStartupValidator>().Validate();
            }

            Assert.Equal(written["Products"]["Products__ServiceKey"], written["Search"]["Search__ProductsServiceKey"]);
            Assert.True(written["Products"]["Products__ServiceKey"].Length >= 32);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, string> Values(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    /// <summary>What Core Tools gives the worker: the Values as environment variables and a host endpoint.</summary>
    private static string[] Arguments(Dictionary<string, string> values) =>
    [
        "--Functions:Worker:HostEndpoint=http://127.0.0.1:9",
        "--Functions:Worker:WorkerId=" + Guid.NewGuid(),
        "--Functions:Worker:RequestId=" + Guid.NewGuid(),
        .. ContainerEnvironment.AsConfiguration(values).Where(p => p.Value is { Length: > 0 }).Select(p => $"--{p.Key}={p.Value}"),
    ];

    private static FunctionsAppDefinition Definition(string app) => app switch
    {
        "Auth" => AuthServices.App,
        "Products" => ProductsServices.App,
        _ => SearchServices.App,
    };
}
