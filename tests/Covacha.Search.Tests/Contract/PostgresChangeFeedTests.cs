using Covacha.Search.Data;
using Covacha.Search.Data.Postgres;
using Covacha.Search.Tests.Infrastructure;

namespace Covacha.Search.Tests.Contract;

/// <summary>The PostgreSQL leg of the change-feed contract: the read model's <c>change_seq</c> feed.</summary>
public sealed class PostgresChangeFeedTests : ChangeFeedContract
{
    private SearchDatabase? _database;
    private PostgresSearchStore? _store;

    protected override async Task<ISearchStore> CreateStoreAsync()
    {
        _database = await SearchDatabase.CreateAsync("searchf");
        return _store = new PostgresSearchStore(_database.DataSource);
    }

    protected override IChangeFeed NewFeed() => _store!;

    protected override async Task DropStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
