using Covacha.Shared.Data;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Search.Tests.Infrastructure;

/// <summary>A fresh database on the real PostgreSQL server with Search's migrations applied; dropped on dispose.</summary>
public sealed class SearchDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private SearchDatabase(TestDatabase database, NpgsqlDataSource dataSource)
    {
        _database = database;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<SearchDatabase> CreateAsync(string prefix)
    {
        var database = await TestDatabase.CreateAsync(prefix);
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new SchemaMigrator(dataSource, typeof(SearchServices).Assembly, "search", NullLogger.Instance).MigrateAsync(CancellationToken.None);
        return new SearchDatabase(database, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}
