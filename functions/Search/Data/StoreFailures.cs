using Covacha.Shared.Pipeline;

namespace Covacha.Search.Data;

/// <summary>Lets the request pipeline answer 503 for whatever the configured store calls transient (MongoDB's errors included).</summary>
public sealed class StoreFailures(ISearchStore store) : ITransientFailureFilter
{
    public bool IsTransient(Exception exception) => store.IsTransient(exception);
}
