namespace Covacha.Search.Bench.Baseline;

/// <summary>
/// The products that contain one word, as ordinals in ascending order. Each entry is
/// <c>ordinal &lt;&lt; 1 | inName</c>: the low bit says the word is in the product's name. The
/// name entries are also kept on their own, so type-ahead over names never walks the (much
/// longer) description postings of a common word.
/// </summary>
internal sealed class PostingList(string word)
{
    private readonly SortedEntries _all = new();
    private readonly SortedEntries _names = new();

    public string Word { get; } = word;

    public int Count => _all.Count;

    /// <summary>Every product with the word, in name or description.</summary>
    public ReadOnlySpan<int> Entries => _all.Span;

    /// <summary>The products with the word in the name (each entry's low bit set).</summary>
    public ReadOnlySpan<int> NameEntries => _names.Span;

    public void Add(int ordinal, bool inName)
    {
        var entry = (ordinal << 1) | (inName ? 1 : 0);
        _all.Set(entry);
        if (inName)
        {
            _names.Set(entry);
        }
        else
        {
            _names.Remove(ordinal);
        }
    }

    public void Remove(int ordinal)
    {
        _all.Remove(ordinal);
        _names.Remove(ordinal);
    }

    /// <summary>Entries sorted by ordinal, at most one per ordinal; appending in ordinal order is the fast path.</summary>
    private sealed class SortedEntries
    {
        private int[] _entries = [];

        public int Count { get; private set; }

        public ReadOnlySpan<int> Span => _entries.AsSpan(0, Count);

        public void Set(int entry)
        {
            var ordinal = entry >> 1;
            if (Count > 0 && (_entries[Count - 1] >> 1) >= ordinal)
            {
                var found = Find(ordinal);
                if (found >= 0)
                {
                    _entries[found] = entry;
                    return;
                }

                Insert(~found, entry);
                return;
            }

            Insert(Count, entry);
        }

        public void Remove(int ordinal)
        {
            var found = Find(ordinal);
            if (found < 0)
            {
                return;
            }

            Array.Copy(_entries, found + 1, _entries, found, Count - found - 1);
            Count--;
        }

        private void Insert(int index, int entry)
        {
            if (Count == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(4, _entries.Length * 2));
            }

            Array.Copy(_entries, index, _entries, index + 1, Count - index);
            _entries[index] = entry;
            Count++;
        }

        private int Find(int ordinal)
        {
            int low = 0, high = Count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var at = _entries[middle] >> 1;
                if (at == ordinal)
                {
                    return middle;
                }

                if (at < ordinal)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return ~low;
        }
    }
}
