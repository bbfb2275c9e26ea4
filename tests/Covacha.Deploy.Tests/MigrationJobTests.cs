using Covacha.Deploy.Tests.Support;
using Covacha.Testing;
using k8s.Models;
using MongoDB.Bson;
using MongoDB.Driver;
using Npgsql;
using Testcontainers.MongoDb;

namespace Covacha.Deploy.Tests;

/// <summary>
/// Each migration Job's command, read from the rendered AKS overlay, run against the app as built
/// with the Job's own environment (a fresh database in place of the cluster's): it must exit 0 and
/// leave the schema, without a Functions host and without a reachable broker (the rendered
/// RabbitMQ URI points at an address that does not resolve).
/// </summary>
public sealed class MigrationJobTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("migrate-auth", "Auth", "users")]
    [InlineData("migrate-products", "Products", "outbox")]
    public async Task MigrationJob_AsRendered_ExitsZeroAndLeavesTheSchema(string job, string app, string table)
    {
        await using var database = await TestDatabase.CreateAsync(app.ToLowerInvariant());
        var (command, environment) = Job(job, app);
        environment[$"ConnectionStrings__{app}"] = database.ConnectionString;

        var (exitCode, output) = await AppBuild.RunAsync(command, environment, Deadline);

        Assert.True(exitCode == 0, $"{string.Join(' ', command)} exited {exitCode}:\n{output}");
        Assert.Contains(table, await TablesAsync(database));
        Assert.Equal(MigrationScripts(app), await AppliedAsync(database));
    }

    [Fact]
    public async Task MigrationJob_RunTwice_SecondRunExitsZeroAndAppliesNothing()
    {
        await using var database = await TestDatabase.CreateAsync("products");
        var (command, environment) = Job("migrate-products", "Products");
        environment["ConnectionStrings__Products"] = database.ConnectionString;

        var first = await AppBuild.RunAsync(command, environment, Deadline);
        var second = await AppBuild.RunAsync(command, environment, Deadline);

        Assert.Equal(0, first.ExitCode);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain("Applied migration", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchMigrationJob_WithThePostgresStore_ExitsZeroAndLeavesTheReadModel()
    {
        await using var database = await TestDatabase.CreateAsync("search");
        var (command, environment) = Job("migrate-search", "Search");
        environment["Search__Store"] = "postgres";
        environment["ConnectionStrings__Search"] = database.ConnectionString;

        var (exitCode, output) = await AppBuild.RunAsync(command, environment, Deadline);

        Assert.True(exitCode == 0, $"exited {exitCode}:\n{output}");
        Assert.Contains("products", await TablesAsync(database));
        Assert.Equal(MigrationScripts("Search"), await AppliedAsync(database));
    }

    [Fact]
    public async Task MigrationJob_WhenTheDatabaseIsUnreachable_ExitsNonZeroNamingTheFailure()
    {
        var (command, environment) = Job("migrate-products", "Products");
        environment["ConnectionStrings__Products"] = "Host=127.0.0.1;Port=1;Database=products;Username=x;Password=x;Timeout=2";

        var (exitCode, output) = await AppBuild.RunAsync(command, environment, Deadline);

        Assert.Equal(1, exitCode);
        Assert.Contains("Migration failed", output, StringComparison.Ordinal);
    }

    [MongoFact]
    public async Task SearchMigrationJob_AsRendered_CreatesTheMongoIndexes()
    {
        MongoDbContainer? container = null;
        var connectionString = Environment.GetEnvironmentVariable("COVACHA_TEST_MONGODB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            container = new MongoDbBuilder("mongo:7.0").Build();
            await container.StartAsync();
            connectionString = container.GetConnectionString();
        }

        var databaseName = "search_migrate_" + Guid.NewGuid().ToString("N")[..8];
        var url = new MongoUrlBuilder(connectionString) { DatabaseName = databaseName };
        var client = new MongoClient(connectionString);
        try
        {
            var (command, environment) = Job("migrate-search", "Search");
            Assert.Equal("mongodb", environment["Search__Store"]);
            environment["ConnectionStrings__SearchMongo"] = url.ToString();

            var (exitCode, output) = await AppBuild.RunAsync(command, environment, Deadline);

            Assert.True(exitCode == 0, $"exited {exitCode}:\n{output}");
            var indexes = await (await client.GetDatabase(databaseName).GetCollection<BsonDocument>("products").Indexes.ListAsync()).ToListAsync();
            Assert.True(indexes.Count > 1, $"only {indexes.Count} index(es) on products");
            var parts = await (await client.GetDatabase(databaseName).GetCollection<BsonDocument>("index_snapshot_parts").Indexes.ListAsync()).ToListAsync();
            Assert.Contains(parts, i => i["key"].AsBsonDocument.Names.SequenceEqual(["snapshot", "part"]) && i.GetValue("unique", false).ToBoolean());
        }
        finally
        {
            await client.DropDatabaseAsync(databaseName);
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }

    /// <summary>The Job's command and environment as the kubelet would start its container.</summary>
    private static (IReadOnlyList<string> Command, Dictionary<string, string> Environment) Job(string job, string app)
    {
        var overlay = RenderedOverlay.Aks;
        var container = Assert.Single(overlay.One("Job", job).As<V1Job>().Spec.Template.Spec.Containers);
        Assert.NotNull(container.Command);
        var command = AppBuild.Localize([.. container.Command, .. container.Args ?? []], app);
        return (command, ContainerEnvironment.Resolve(overlay, container));
    }

    private static List<string> MigrationScripts(string app) =>
        [.. Directory.GetFiles(Repository.PathOf("functions", app, "Data", "Migrations"), "*.sql")
            .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> TablesAsync(TestDatabase database) =>
        await QueryAsync(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");

    private static async Task<List<string>> AppliedAsync(TestDatabase database) =>
        await QueryAsync(database, "SELECT id FROM schema_migrations ORDER BY id");

    private static async Task<List<string>> QueryAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
