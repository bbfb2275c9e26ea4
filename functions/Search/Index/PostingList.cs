namespace Covacha.Search.Index;

/// <summary>
/// One word of the vocabulary and the products that contain it: all of them, and (a subset) those
/// with the word in the name, kept apart so type-ahead over names never walks the much longer
/// description postings of a common word, and a query knows which matches have a term in the name.
/// </summary>
internal sealed class PostingList(string word)
{
    private PostingSet? _names;

    public string Word { get; } = word;

    /// <summary>Every product with the word, in name or description.</summary>
    public PostingSet All { get; } = new();

    /// <summary>The products with the word in the name; empty for words only ever seen in descriptions.</summary>
    public PostingSet? Names => _names;

    /// <summary>Products that contain the word now; 0 once the last one is gone (the word is then forgotten).</summary>
    public int Count => All.Count;

    /// <summary>Where the vocabulary keeps this word among the words of its length (so forgetting it is O(1)).</summary>
    public int LengthSlot { get; set; } = -1;

    /// <summary>Set when the vocabulary forgot the word; it stays in the sorted list only until the next merge.</summary>
    public bool Forgotten { get; set; }

    public void Add(int ordinal, bool inName)
    {
        All.Add(ordinal);
        if (inName)
        {
            (_names ??= new PostingSet()).Add(ordinal);
        }
    }

    public void Remove(int ordinal, bool inName)
    {
        All.Remove(ordinal);
        if (inName && _names is not null)
        {
            _names.Remove(ordinal);
            if (_names.Count == 0)
            {
                _names = null;
            }
        }
    }

    public long HeapBytes() => 48 + All.HeapBytes() + (_names?.HeapBytes() ?? 0);
}
