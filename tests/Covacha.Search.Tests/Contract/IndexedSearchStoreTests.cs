using Covacha.Search.Data.Postgres;
using Covacha.Search.Index;
using Covacha.Search.Model;
using Covacha.Search.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Search.Tests.Contract;

/// <summary>
/// The in-memory index leg: the PostgreSQL store with the index in front of it, fed only by the
/// store's change feed, on a fresh database of the real server. Searches here never reach SQL.
/// </summary>
public sealed class IndexedStoreFixture : IAsyncLifetime
{
    private SearchDatabase? _database;

    public NpgsqlDataSource DataSource => _database!.DataSource;
    public SearchIndex Index { get; } = new();
    public IndexedSearchStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SearchDatabase.CreateAsync("searchi");
        var postgres = new PostgresSearchStore(DataSource);
        Store = new IndexedSearchStore(postgres, Index, Follow(postgres, Index));
        await Store.ApplyAsync(Catalogue.All.Select(TestProducts.Upsert).ToList(), CancellationToken.None);
    }

    /// <summary>A follower of <paramref name="store"/>'s change feed into <paramref name="index"/>, as another process would have.</summary>
    public static SearchIndexFollower Follow(PostgresSearchStore store, SearchIndex index) =>
        new(index, store, Options.Create(new SearchOptions()), NullLogger<SearchIndexFollower>.Instance);

    public async Task DisposeAsync()
    {
        Index.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class IndexedSearchStoreTests(IndexedStoreFixture fixture)
    : SearchStoreContract(fixture.Store), IClassFixture<IndexedStoreFixture>
{
    public static string? SkipReason => null;

    [Fact]
    public async Task Search_AfterTheIndexLoaded_IsAnsweredFromMemory()
    {
        var word = TestProducts.UniqueWord();
        await fixture.Store.ApplyAsync([TestProducts.Upsert(TestProducts.Snapshot(name: "Memoria " + word))], CancellationToken.None);

        // Rows changed behind the feed's back (no change_seq bump) are not seen: the index only
        // learns through the feed, and it has already moved past this row.
        await using (var command = fixture.DataSource.CreateCommand("UPDATE products SET name = 'Cambiado' WHERE name = $1"))
        {
            command.Parameters.AddWithValue("Memoria " + word);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var found = await fixture.Store.SearchAsync(new SearchQuery(word, null, null, null, null, SearchSort.Relevance, 1, 20), CancellationToken.None);
        Assert.Equal("Memoria " + word, Assert.Single(found.Items).Name);
    }
}
