using Covacha.Search.Data.Postgres;
using Covacha.Search.Tests.Infrastructure;
using Covacha.Search.Data;
using Covacha.Search.Model;
using Npgsql;

namespace Covacha.Search.Tests.Contract;

/// <summary>The PostgreSQL leg: always runs, on a fresh database of the real server.</summary>
public sealed class PostgresStoreFixture : IAsyncLifetime
{
    private SearchDatabase? _database;

    public NpgsqlDataSource DataSource => _database!.DataSource;
    public PostgresSearchStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SearchDatabase.CreateAsync("searchc");
        Store = new PostgresSearchStore(DataSource);
        await Store.ApplyAsync(Catalogue.All.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class PostgresSearchStoreTests(PostgresStoreFixture fixture)
    : SearchStoreContract(fixture.Store), IClassFixture<PostgresStoreFixture>
{
    public static string? SkipReason => null;

    [Fact]
    public async Task Apply_ProductWithAccents_AddsFoldedWordsToVocabulary()
    {
        var word = TestProducts.UniqueWord();
        await fixture.Store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(name: "Ñandú " + word))], CancellationToken.None);

        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM words WHERE word = ANY($1)");
        command.Parameters.AddWithValue(new[] { "nandu", word });
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }
}
