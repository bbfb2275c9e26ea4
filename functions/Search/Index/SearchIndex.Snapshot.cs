using Covacha.Search.Model;

namespace Covacha.Search.Index;

/// <summary>
/// The index written out as it is held in memory (columns, text dictionary, postings by
/// container) with the change-feed position it covers, and read back without folding a word or
/// inserting a posting: what lets a process start from a snapshot in seconds instead of building
/// the index from the whole feed.
/// </summary>
public sealed partial class SearchIndex
{
    /// <summary>
    /// The snapshot layout's version. Raise it whenever what <see cref="WriteSnapshot"/> writes or
    /// what the structures mean changes: a process ignores snapshots of any other version and
    /// loads from the change feed instead (then writes one of its own).
    /// </summary>
    public const int SnapshotFormat = 1;

    /// <summary>"CVSI", little-endian.</summary>
    private const int SnapshotMagic = 0x49535643;

    /// <summary>
    /// Writes the whole index to <paramref name="stream"/>, under the read lock (searches go on;
    /// changes wait). Returns the change-feed position and the product count it covers.
    /// </summary>
    public (long Position, int Products) WriteSnapshot(Stream stream)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Index snapshots are written little-endian.");
        }

        _lock.EnterReadLock();
        try
        {
            using var writer = new SnapshotWriter(stream);
            writer.Write(SnapshotMagic);
            writer.Write(SnapshotFormat);
            writer.Write(_position);
            writer.Write(_ordinalCount);
            writer.Write(_live);

            writer.Write(_categories.Count);
            foreach (var category in _categories)
            {
                writer.Write(category);
            }

            _text.WriteTo(writer);

            var wordNumbers = new Dictionary<string, int>(_vocabulary.Count, StringComparer.Ordinal);
            writer.Write(_vocabulary.Count);
            foreach (var word in _vocabulary.InOrder())
            {
                wordNumbers[word.Word] = wordNumbers.Count;
                word.WriteTo(writer);
            }

            if (wordNumbers.Count != _vocabulary.Count || wordNumbers.Count != _postings.Count)
            {
                throw new InvalidOperationException("The index's word lists disagree; no snapshot written.");
            }

            _columns.WriteTo(writer, _ordinalCount, wordNumbers);
            writer.Finish();
            return (_position, _live);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Replaces what the index holds with a snapshot of <paramref name="length"/> bytes. Nothing
    /// changes unless the whole snapshot reads back intact: a damaged, cut or foreign one throws
    /// <see cref="InvalidDataException"/> and leaves the index as it was.
    /// </summary>
    public void LoadSnapshot(Stream stream, long length)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Index snapshots are written little-endian.");
        }

        using var reader = new SnapshotReader(stream, length);
        if (reader.Read<int>() != SnapshotMagic)
        {
            throw new InvalidDataException("This is not a search index snapshot.");
        }

        var format = reader.Read<int>();
        if (format != SnapshotFormat)
        {
            throw new InvalidDataException($"The snapshot's format is {format}; this version reads {SnapshotFormat}.");
        }

        var position = reader.Read<long>();
        var ordinalCount = reader.Count(reader.Read<int>(), 1);
        var live = reader.Read<int>();

        var categories = new List<string>(reader.Count(reader.Read<int>(), 1));
        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Capacity; i++)
        {
            var category = reader.ReadString() ?? throw new InvalidDataException("The snapshot is damaged: a category without a name.");
            categoryIds[category] = categories.Count;
            categories.Add(category);
        }

        var text = TextDictionary.ReadFrom(reader);

        var words = new PostingList[reader.Count(reader.Read<int>(), 1)];
        var postings = new Dictionary<string, PostingList>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = PostingList.ReadFrom(reader);
            postings[words[i].Word] = words[i];
        }

        var vocabulary = Vocabulary.FromSorted(words);
        var columns = ProductColumns.ReadFrom(reader, ordinalCount, words);
        reader.Finish();

        var ordinals = new OrdinalMap(live);
        var free = new Stack<int>();
        var counted = 0;
        for (var ordinal = ordinalCount - 1; ordinal >= 0; ordinal--)
        {
            var category = columns.Category[ordinal];
            if (category == ProductColumns.NoProduct)
            {
                free.Push(ordinal);
                continue;
            }

            if (category < 0 || category >= categories.Count || columns.Text[ordinal] is null)
            {
                throw new InvalidDataException("The snapshot is damaged: a product without its category or text.");
            }

            if (ordinals.Find(columns.IdKey[ordinal], columns.IdKey) >= 0)
            {
                throw new InvalidDataException("The snapshot is damaged: a product appears twice.");
            }

            ordinals.Add(ordinal, columns.IdKey);
            counted++;
        }

        if (counted != live)
        {
            throw new InvalidDataException($"The snapshot is damaged: it holds {counted} products and says {live}.");
        }

        _lock.EnterWriteLock();
        try
        {
            (_ordinals, _freeOrdinals, _columns, _text) = (ordinals, free, columns, text);
            (_postings, _categories, _categoryIds, _vocabulary) = (postings, categories, categoryIds, vocabulary);
            _ordinalCount = ordinalCount;
            Volatile.Write(ref _live, live);
            Volatile.Write(ref _position, position);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Every product the index holds, as it would return them (tests and the bench compare indexes with it).</summary>
    internal List<StoredProduct> Products()
    {
        _lock.EnterReadLock();
        try
        {
            var products = new List<StoredProduct>(_live);
            for (var ordinal = 0; ordinal < _ordinalCount; ordinal++)
            {
                if (_columns.Category[ordinal] != ProductColumns.NoProduct)
                {
                    products.Add(ProductAt(ordinal));
                }
            }

            return products;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
