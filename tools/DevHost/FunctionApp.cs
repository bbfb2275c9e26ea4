using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Covacha.DevHost;

/// <summary>
/// One Functions app inside the dev host: its own generic host (own service provider, own
/// hosted services), composed by the app's own <c>Add&lt;App&gt;</c>, like its worker process.
/// </summary>
public sealed class FunctionApp(string name, Assembly assembly, Action<IServiceCollection, IConfiguration> compose) : IAsyncDisposable
{
    private IHost? _host;

    public string Name { get; } = name;
    public Assembly Assembly { get; } = assembly;

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException($"{Name} has not started.");

    public IReadOnlyList<FunctionRoute> Routes => FunctionCatalog.Discover(Name, Assembly);

    public Task StartAsync(IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        StartAsync(configuration, loggerFactory, configure: null, cancellationToken);

    /// <param name="configure">Runs after the app's composition root (the dev host's callers add test services this way).</param>
    public async Task StartAsync(
        IConfiguration configuration, ILoggerFactory loggerFactory, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = Assembly.GetName().Name,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddMvcCore();
        compose(builder.Services, builder.Configuration);
        configure?.Invoke(builder.Services);
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            await _host.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host?.Dispose();
        }
    }
}
