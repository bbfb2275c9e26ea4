using Covacha.Search.Model;

namespace Covacha.Search.Data;

public static class ChangeBatch
{
    /// <summary>The newest change per product, so one write per product per batch.</summary>
    public static IReadOnlyList<ProductChange> NewestPerProduct(IReadOnlyList<ProductChange> changes) =>
        changes.Count <= 1
            ? changes
            : changes.GroupBy(c => c.ProductId).Select(g => g.MaxBy(c => c.Version)!).ToList();
}
