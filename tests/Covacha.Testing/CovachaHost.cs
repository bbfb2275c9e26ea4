using System.Net;
using System.Net.Sockets;
using Covacha.DevHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Covacha.Testing;

/// <summary>
/// The dev host started in-process on a free loopback port with all three apps, each on a
/// fresh database of the real PostgreSQL server, and a RabbitMQ virtual host of its own.
/// Tests talk to it over HTTP like any client.
/// </summary>
public class CovachaHost : IAsyncLifetime
{
    private readonly string _vhost;
    private readonly List<TestDatabase> _databases = [];
    private WebApplication? _app;

    public CovachaHost(string vhost) => _vhost = vhost;

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string RabbitMqUri => $"{TestEnvironment.RabbitMqUri}/{_vhost}";
    public string AuthDatabase => _databases[0].ConnectionString;
    public string ProductsDatabase => _databases[1].ConnectionString;
    public string SearchDatabase => _databases[2].ConnectionString;
    public string ServiceKey { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    public string AdminEmail { get; } = "admin@covacha.test";
    public string AdminPassword { get; } = "admin-" + Guid.NewGuid().ToString("N");
    public IServiceProvider Services => _app!.Services;

    /// <summary>Services a test class adds to one app (by name: auth, products, search) after its composition root.</summary>
    protected virtual void ConfigureApp(string app, IServiceCollection services)
    {
    }

    /// <summary>Settings a test class adds to (or overrides in) the host's configuration.</summary>
    protected virtual IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        foreach (var app in new[] { "auth", "products", "search" })
        {
            _databases.Add(await TestDatabase.CreateAsync(app));
        }

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var (keyId, pem) = TestSigningKey.Create();
        var settings = new Dictionary<string, string?>
        {
            ["COVACHA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings:Auth"] = AuthDatabase,
            ["ConnectionStrings:Products"] = ProductsDatabase,
            ["ConnectionStrings:Search"] = SearchDatabase,
            ["ConnectionStrings:RabbitMQ"] = RabbitMqUri,
            ["Auth:SigningKeys:0:KeyId"] = keyId,
            ["Auth:SigningKeys:0:PrivateKeyPem"] = pem,
            ["Auth:BootstrapAdmin:Email"] = AdminEmail,
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
            ["Products:ServiceKey"] = ServiceKey,
            ["Search:ProductsServiceKey"] = ServiceKey,
            ["Auth:ProductsServiceKey"] = ServiceKey,
            // The real SMTP sink ./covacha test starts; without one, mail waits in the outbox and retries.
            ["Mail:Port"] = TestEnvironment.SmtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "9",
            ["Logging:LogLevel:Default"] = "Warning",
            // Test classes register hundreds of accounts from one loopback address; the classes
            // that test the registration limits set their own.
            ["Auth:Throttle:RegistrationsPerAddress"] = "1000000",
            ["Auth:Throttle:RegistrationsOverall"] = "1000000",
        };
        foreach (var (key, value) in ExtraSettings())
        {
            settings[key] = value;
        }

        _app = await DevHostApplication.BuildAsync([], settings, configureApp: ConfigureApp);
        await _app.StartAsync();
        Client = OpenApiValidatingHandler.CreateClient(BaseAddress);
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
