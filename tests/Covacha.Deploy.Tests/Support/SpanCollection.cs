using System.Collections;
using System.Diagnostics;

namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// Where the in-memory exporters of several apps' tracer providers write finished spans: they
/// export from the threads that end them, so additions and reads take a lock.
/// </summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_spans)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>The spans of one trace, each once (every app's provider records the dev host's server spans).</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.TraceId == traceId).DistinctBy(s => s.SpanId)];
        }
    }

    /// <summary>Every span recorded so far, one line each (for failure messages).</summary>
    public string Describe()
    {
        lock (_spans)
        {
            return string.Join('\n', _spans.DistinctBy(s => s.SpanId).Select(s =>
                $"{s.TraceId} {s.ParentSpanId} -> {s.SpanId} {s.Kind} {s.Source.Name} {s.DisplayName}"));
        }
    }

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_spans)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_spans)
        {
            return _spans.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
