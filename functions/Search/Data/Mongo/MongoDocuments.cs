using Covacha.Search.Model;
using MongoDB.Bson;

namespace Covacha.Search.Data.Mongo;

/// <summary>How a product document of the MongoDB read model reads back (the store's queries and the change feed share it).</summary>
internal static class MongoDocuments
{
    public static Guid Id(BsonValue value) => value.AsBsonBinaryData.ToGuid(GuidRepresentation.Standard);

    public static StoredProduct ToStoredProduct(BsonDocument d) => new(
        Id(d["_id"]), d["name"].AsString, d["description"].AsString, d["priceMinor"].ToInt64(), d["currency"].AsString,
        d["category"].AsString, d["imageUrl"].IsBsonNull ? null : d["imageUrl"].AsString, d["stock"].AsInt32);
}
