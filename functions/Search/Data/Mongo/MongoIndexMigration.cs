using Covacha.Shared.Data;
using MongoDB.Driver;

namespace Covacha.Search.Data.Mongo;

/// <summary>
/// The MongoDB read model's indexes (created again, harmlessly, at start-up) and those of the
/// index snapshots kept beside it, created by the migration Job.
/// </summary>
public sealed class MongoIndexMigration(IMongoDatabase database) : ISchemaMigration
{
    public string Name => "MongoDB database " + database.DatabaseNamespace.DatabaseName;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await new MongoSearchStore(database).InitializeAsync(cancellationToken);
        await new MongoIndexSnapshotStore(database, TimeProvider.System).InitializeAsync(cancellationToken);
    }
}
