using Covacha.Search.Model;
using Covacha.Shared.Events;
using Covacha.Shared.Money;

namespace Covacha.Search.Tests.Infrastructure;

/// <summary>Builders for product snapshots, changes and events.</summary>
public static class TestProducts
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A word no other test uses, made of [a-f0-9] so it survives folding unchanged.</summary>
    public static string UniqueWord() => "w" + Guid.NewGuid().ToString("N")[..12];

    public static ProductSnapshot Snapshot(
        Guid? id = null, string name = "Producto", string description = "Descripción", decimal price = 10m,
        string category = "other", int stock = 1, long version = 1, DateTimeOffset? createdAt = null, string currency = "EUR") =>
        new(id ?? Guid.NewGuid(), Guid.Parse("00000000-0000-0000-0000-0000000000aa"), name, description,
            Money.ToMajor(Money.ToMinor(price, currency)!.Value, currency), Money.ToMinor(price, currency)!.Value, currency, category,
            "https://img.example/p.png", stock, createdAt ?? Epoch, createdAt ?? Epoch, version);

    public static ProductChange Upsert(ProductSnapshot snapshot) => new(snapshot.Id, snapshot.Version, snapshot, snapshot.UpdatedAt);

    public static ProductChange Delete(Guid id, long version) => new(id, version, null, Epoch);

    public static ProductEvent Created(ProductSnapshot snapshot) =>
        new(Guid.NewGuid(), snapshot.Version == 1 ? ProductEvents.Created : ProductEvents.Updated, snapshot.Id, snapshot.Version, DateTimeOffset.UtcNow, snapshot);

    public static ProductEvent Deleted(Guid id, long version) =>
        new(Guid.NewGuid(), ProductEvents.Deleted, id, version, DateTimeOffset.UtcNow, null);
}
