namespace Covacha.Shared.Events;

/// <summary>The names on the wire: exchange, routing keys (also the event <c>type</c>) and the Search queues.</summary>
public static class ProductEvents
{
    public const string Exchange = "covacha.products";
    public const string Created = "product.created";
    public const string Updated = "product.updated";
    public const string Deleted = "product.deleted";
    public const string BindingPattern = "product.*";

    public const string SearchQueue = "search.product-events";
    public const string SearchParkingQueue = "search.product-events.parked";
    public const string SearchDeadLetterExchange = "search.product-events.dlx";

    public static bool IsKnownType(string? type) => type is Created or Updated or Deleted;
}
