using Covacha.Shared.Health;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Covacha.Search.Data.Mongo;

public sealed class MongoReadinessCheck(IMongoDatabase database) : IReadinessCheck
{
    public string Name => "mongodb";

    public async Task<ReadinessOutcome> CheckAsync(CancellationToken cancellationToken)
    {
        await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        return ReadinessOutcome.Ok;
    }
}
