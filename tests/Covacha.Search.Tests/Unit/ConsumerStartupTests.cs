using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Covacha.Search.Data;
using Covacha.Search.Messaging;
using Covacha.Search.Model;
using Covacha.Shared.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Covacha.Search.Tests.Unit;

public sealed class ConsumerStartupTests
{
    [Fact]
    public async Task StartAsync_BrokerUnreachable_StartsAndReportsNotReady()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var state = new ConsumerState();
        using var metrics = new SearchMetrics(services.GetRequiredService<IMeterFactory>(), state);
        var rabbitMq = new RabbitMqOptions { Uri = $"amqp://guest:guest@127.0.0.1:{ClosedPort()}" };
        using var consumer = new ProductEventConsumer(Options.Create(rabbitMq), Options.Create(new SearchOptions()), Mock.Of<ISearchStore>(),
            state, metrics, NullLogger<ProductEventConsumer>.Instance);

        var start = consumer.StartAsync(CancellationToken.None);

        await start.WaitAsync(TimeSpan.FromSeconds(5)); // the host's start must not wait for the broker
        var readiness = await new ConsumerReadinessCheck(state).CheckAsync(CancellationToken.None);
        Assert.False(readiness.Healthy);
        await consumer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CheckAsync_ConsumerSwitchedOff_IsHealthy()
    {
        var outcome = await new ConsumerReadinessCheck(new ConsumerState { Enabled = false }).CheckAsync(CancellationToken.None);

        Assert.True(outcome.Healthy);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
