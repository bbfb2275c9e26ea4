namespace Covacha.Search.Index;

/// <summary>
/// One word of the vocabulary and the products that contain it: all of them, and (a subset) those
/// with the word in the name, kept apart so type-ahead over names never walks the much longer
/// description postings of a common word, and a query knows which matches have a term in the name.
/// </summary>
internal sealed class PostingList
{
    private PostingSet? _names;

    public PostingList(string word)
        : this(word, new PostingSet(), null)
    {
    }

    private PostingList(string word, PostingSet all, PostingSet? names)
    {
        Word = word;
        All = all;
        _names = names;
    }

    public string Word { get; }

    /// <summary>Every product with the word, in name or description.</summary>
    public PostingSet All { get; }

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

    public void WriteTo(SnapshotWriter writer)
    {
        writer.Write(Word);
        All.WriteTo(writer);
        writer.Write(_names is null ? (byte)0 : (byte)1);
        _names?.WriteTo(writer);
    }

    public static PostingList ReadFrom(SnapshotReader reader)
    {
        var word = reader.ReadString() ?? throw new InvalidDataException("The snapshot is damaged: a word without text.");
        var all = PostingSet.ReadFrom(reader);
        var names = reader.Read<byte>() == 0 ? null : PostingSet.ReadFrom(reader);
        if (all.Count == 0)
        {
            throw new InvalidDataException("The snapshot is damaged: a word no product contains.");
        }

        return new PostingList(word, all, names);
    }

    public long HeapBytes() => 48 + All.HeapBytes() + (_names?.HeapBytes() ?? 0);
}
