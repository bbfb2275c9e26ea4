using Covacha.Search.Data.Mongo;
using MongoDB.Driver;
using Testcontainers.MongoDb;
using Covacha.Search.Tests.Infrastructure;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// The MongoDB leg: against <c>COVACHA_TEST_MONGODB</c> when set, else a Testcontainers MongoDB
/// when Docker is reachable, else skipped with the reason in the test output. A replica set either
/// way: the store writes in transactions, as on AKS (rs0).
/// </summary>
public sealed class MongoStoreFixture : IAsyncLifetime
{
    private MongoDbContainer? _container;
    private IMongoDatabase? _database;

    public MongoSearchStore Store { get; private set; } = null!;

    public IMongoDatabase Database => _database!;

    public static string? Unavailable()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("COVACHA_TEST_MONGODB")))
        {
            return null;
        }

        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(dockerHost) || File.Exists("/var/run/docker.sock"))
        {
            return null;
        }

        return "MongoDB leg skipped: COVACHA_TEST_MONGODB is not set and no Docker daemon is reachable " +
               "(DOCKER_HOST unset, /var/run/docker.sock absent) for Testcontainers.";
    }

    public async Task InitializeAsync()
    {
        if (Unavailable() is not null)
        {
            return;
        }

        var connectionString = Environment.GetEnvironmentVariable("COVACHA_TEST_MONGODB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            _container = new MongoDbBuilder("mongo:7.0").WithReplicaSet().Build();
            await _container.StartAsync();
            connectionString = _container.GetConnectionString();
        }

        _database = new MongoClient(connectionString).GetDatabase("search_test_" + Guid.NewGuid().ToString("N")[..8]);
        Store = new MongoSearchStore(_database);
        await Store.InitializeAsync(CancellationToken.None);
        await Store.ApplyAsync(Catalogue.All.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

public sealed class MongoSearchStoreTests(MongoStoreFixture fixture)
    : SearchStoreContract(fixture.Store), IClassFixture<MongoStoreFixture>
{
    public static string? SkipReason => MongoStoreFixture.Unavailable();
}
