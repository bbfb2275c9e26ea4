using Covacha.Shared.Data;
using MongoDB.Driver;

namespace Covacha.Search.Data.Mongo;

/// <summary>The MongoDB read model's indexes, created by the migration Job (and again, harmlessly, at start-up).</summary>
public sealed class MongoIndexMigration(IMongoDatabase database) : ISchemaMigration
{
    public string Name => "MongoDB database " + database.DatabaseNamespace.DatabaseName;

    public Task MigrateAsync(CancellationToken cancellationToken) => new MongoSearchStore(database).InitializeAsync(cancellationToken);
}
