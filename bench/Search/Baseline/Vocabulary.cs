using Covacha.Search.Text;

namespace Covacha.Search.Bench.Baseline;

/// <summary>
/// Every word the index has seen, in ordinal order for prefix ranges and by length for typo
/// candidates. New words land in a small sorted array that is merged into the large one when it
/// fills, so adding a word never copies the whole vocabulary (a 1,000,000-product load adds
/// hundreds of thousands of words).
/// </summary>
internal sealed class Vocabulary
{
    private const int RecentCapacity = 4_096;

    private readonly Dictionary<int, List<PostingList>> _byLength = [];
    private readonly List<PostingList> _recent = [];
    private PostingList[] _sorted = [];

    public void Add(PostingList word)
    {
        var at = LowerBound(_recent, word.Word);
        _recent.Insert(at, word);
        if (_recent.Count >= RecentCapacity)
        {
            _sorted = Merge(_sorted, _recent);
            _recent.Clear();
        }

        if (!_byLength.TryGetValue(word.Word.Length, out var sameLength))
        {
            _byLength[word.Word.Length] = sameLength = [];
        }

        sameLength.Add(word);
    }

    /// <summary>The words that start with <paramref name="prefix"/> and are in some product now.</summary>
    public void AddStartingWith(string prefix, List<PostingList> found)
    {
        for (var i = LowerBound(_sorted, prefix); i < _sorted.Length && _sorted[i].Word.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (_sorted[i].Count > 0)
            {
                found.Add(_sorted[i]);
            }
        }

        for (var i = LowerBound(_recent, prefix); i < _recent.Count && _recent[i].Word.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (_recent[i].Count > 0)
            {
                found.Add(_recent[i]);
            }
        }
    }

    /// <summary>The words one edit away from <paramref name="word"/> that are in some product now.</summary>
    public void AddWithinOneEdit(string word, List<PostingList> found)
    {
        for (var length = word.Length - 1; length <= word.Length + 1; length++)
        {
            if (_byLength.TryGetValue(length, out var sameLength))
            {
                found.AddRange(sameLength.Where(p => p.Count > 0 && p.Word != word && TextFolding.WithinOneEdit(word, p.Word)));
            }
        }
    }

    private static PostingList[] Merge(PostingList[] sorted, List<PostingList> added)
    {
        var merged = new PostingList[sorted.Length + added.Count];
        int i = 0, j = 0, k = 0;
        while (i < sorted.Length && j < added.Count)
        {
            merged[k++] = string.CompareOrdinal(sorted[i].Word, added[j].Word) <= 0 ? sorted[i++] : added[j++];
        }

        while (i < sorted.Length)
        {
            merged[k++] = sorted[i++];
        }

        while (j < added.Count)
        {
            merged[k++] = added[j++];
        }

        return merged;
    }

    private static int LowerBound(IReadOnlyList<PostingList> sorted, string word)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (string.CompareOrdinal(sorted[middle].Word, word) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
