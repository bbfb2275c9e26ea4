namespace Covacha.Shared.Events;

/// <summary>
/// What Products publishes on every change (schema version 1). <see cref="Version"/> grows by one
/// per change of the product, so a consumer can drop duplicates and out-of-order deliveries.
/// Deletes carry no snapshot.
/// </summary>
/// <remarks>
/// This is a contract between two services, owned here and changed only on purpose: adding a
/// member keeps <see cref="SchemaVersion"/> (consumers skip members they do not know); renaming,
/// removing or retyping one is a new schema version, deployed to consumers first. Events written
/// before the field existed have no <c>schemaVersion</c> and read as 1. The test
/// <c>ProductEventContractTests</c> compares it with <c>functions/Shared/Events/Samples</c>.
/// </remarks>
public sealed record ProductEvent(
    Guid EventId,
    string Type,
    Guid ProductId,
    long Version,
    DateTimeOffset OccurredAt,
    ProductSnapshot? Product,
    int SchemaVersion = ProductEvent.CurrentSchemaVersion)
{
    public const int CurrentSchemaVersion = 1;
}
