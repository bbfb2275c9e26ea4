using Covacha.Search.Text;

namespace Covacha.Search.Index;

/// <summary>
/// Every word some product contains now, in ordinal order for prefix ranges and by length for
/// typo candidates. New words land in a small sorted array that is merged into the large one when
/// it fills, so adding a word never copies the whole vocabulary (a 1,000,000-product load adds
/// hundreds of thousands of words). A word no product uses any more is forgotten: it leaves the
/// length lists at once (typo correction never scans it) and the sorted list at the next merge.
/// </summary>
internal sealed class Vocabulary
{
    private const int RecentCapacity = 4_096;

    private readonly Dictionary<int, List<PostingList>> _byLength = [];
    private readonly List<PostingList> _recent = [];
    private PostingList[] _sorted = [];
    private int _forgottenInSorted;

    /// <summary>Words held (forgotten ones not yet merged away excluded).</summary>
    public int Count { get; private set; }

    public void Add(PostingList word)
    {
        var at = LowerBound(_recent, word.Word);
        _recent.Insert(at, word);
        if (_recent.Count >= RecentCapacity)
        {
            Merge();
        }

        if (!_byLength.TryGetValue(word.Word.Length, out var sameLength))
        {
            _byLength[word.Word.Length] = sameLength = [];
        }

        word.LengthSlot = sameLength.Count;
        sameLength.Add(word);
        Count++;
    }

    /// <summary>Forgets a word no product contains any more.</summary>
    public void Forget(PostingList word)
    {
        var sameLength = _byLength[word.Word.Length];
        var last = sameLength[^1];
        sameLength[word.LengthSlot] = last;
        last.LengthSlot = word.LengthSlot;
        sameLength.RemoveAt(sameLength.Count - 1);
        word.LengthSlot = -1;
        word.Forgotten = true;
        Count--;

        var recent = LowerBound(_recent, word.Word);
        for (; recent < _recent.Count && _recent[recent].Word == word.Word; recent++)
        {
            if (ReferenceEquals(_recent[recent], word))
            {
                _recent.RemoveAt(recent);
                return;
            }
        }

        // In the large list: dropped at the next merge, or now if forgotten words pile up.
        if (++_forgottenInSorted > Math.Max(RecentCapacity, _sorted.Length / 8))
        {
            Merge();
        }
    }

    /// <summary>The words held, in ordinal order (a snapshot writes them so).</summary>
    public IEnumerable<PostingList> InOrder()
    {
        int i = 0, j = 0;
        while (i < _sorted.Length || j < _recent.Count)
        {
            if (i < _sorted.Length && _sorted[i].Forgotten)
            {
                i++;
                continue;
            }

            var takeSorted = j == _recent.Count || (i < _sorted.Length && string.CompareOrdinal(_sorted[i].Word, _recent[j].Word) <= 0);
            yield return takeSorted ? _sorted[i++] : _recent[j++];
        }
    }

    /// <summary>A vocabulary of <paramref name="words"/>, which must be in ordinal order with no repeats (read from a snapshot).</summary>
    public static Vocabulary FromSorted(PostingList[] words)
    {
        var vocabulary = new Vocabulary { _sorted = words };
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && string.CompareOrdinal(words[i - 1].Word, words[i].Word) >= 0)
            {
                throw new InvalidDataException("The snapshot is damaged: its words are not in order.");
            }

            var word = words[i];
            if (!vocabulary._byLength.TryGetValue(word.Word.Length, out var sameLength))
            {
                vocabulary._byLength[word.Word.Length] = sameLength = [];
            }

            word.LengthSlot = sameLength.Count;
            sameLength.Add(word);
        }

        vocabulary.Count = words.Length;
        return vocabulary;
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

    /// <summary>Words that typo correction would scan: every live word, and nothing else.</summary>
    internal int TypoCandidates => _byLength.Values.Sum(l => l.Count);

    /// <summary>Entries of the sorted lists, forgotten ones still waiting for a merge included.</summary>
    internal int SortedEntries => _sorted.Length + _recent.Count;

    private void Merge()
    {
        var merged = new PostingList[_sorted.Length - _forgottenInSorted + _recent.Count];
        int i = 0, j = 0, k = 0;
        while (i < _sorted.Length || j < _recent.Count)
        {
            if (i < _sorted.Length && _sorted[i].Forgotten)
            {
                i++;
                continue;
            }

            var takeSorted = j == _recent.Count || (i < _sorted.Length && string.CompareOrdinal(_sorted[i].Word, _recent[j].Word) <= 0);
            merged[k++] = takeSorted ? _sorted[i++] : _recent[j++];
        }

        _sorted = merged.Length == k ? merged : merged[..k];
        _recent.Clear();
        _forgottenInSorted = 0;
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
