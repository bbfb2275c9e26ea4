using Covacha.Shared.Health;

namespace Covacha.Search.Index;

/// <summary>Not ready until the in-memory index has read the whole change feed once.</summary>
public sealed class IndexReadinessCheck(SearchIndex index, SearchIndexFollower follower) : IReadinessCheck
{
    public string Name => "index";

    public Task<ReadinessOutcome> CheckAsync(CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object> { ["products"] = index.Count, ["position"] = index.Position };
        if (follower.LoadedFrom is { } source)
        {
            data["loadedFrom"] = source;
        }

        if (follower.LoadTime is { } took)
        {
            data["loadSeconds"] = Math.Round(took.TotalSeconds, 2);
        }

        return Task.FromResult(follower.IsLoaded
            ? new ReadinessOutcome(true, null, data)
            : new ReadinessOutcome(false, "The search index is still loading.", data));
    }
}
