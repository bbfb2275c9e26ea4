namespace Covacha.Search.Index;

/// <summary>
/// What the index keeps per product, one dense array per field by ordinal: the fields a query
/// reads for every match (filters, facets, sort keys), so a query over tens of thousands of
/// matches reads memory in order instead of chasing a pointer per product, and the product's
/// text, encoded by the <see cref="TextDictionary"/>, read only for the page of results.
/// </summary>
internal sealed class ProductColumns
{
    /// <summary>Marks an ordinal whose product was deleted (the ordinal is reused by the next new product).</summary>
    public const int NoProduct = -1;

    public int[] Category { get; private set; } = [];

    /// <summary>The price in minor units of <see cref="Currency"/>.</summary>
    public long[] PriceMinor { get; private set; } = [];

    /// <summary>The price's currency as <see cref="CurrencyKey"/>.</summary>
    public int[] Currency { get; private set; } = [];

    public int[] Stock { get; private set; } = [];

    public long[] Recency { get; private set; } = [];

    /// <summary>Words in the name, at most 63 (a shorter name that matches is the more specific match).</summary>
    public byte[] NameWords { get; private set; } = [];

    public UInt128[] IdKey { get; private set; } = [];

    /// <summary>The name's length in characters (suggestions prefer short names).</summary>
    public int[] NameLength { get; private set; } = [];

    /// <summary>The name's first folded word, the vocabulary's own copy (suggestions prefer names that start with the typed words).</summary>
    public string?[] FirstNameWord { get; private set; } = [];

    /// <summary>Name, description, image address and currency, each encoded by the <see cref="TextDictionary"/>.</summary>
    public byte[]?[] Text { get; private set; } = [];

    public int Capacity => Category.Length;

    public void Set(int ordinal, IndexedProduct product, int category, string? firstNameWord, byte[] text)
    {
        if (ordinal >= Category.Length)
        {
            // Half again, not double: at a million products doubling would leave up to 50 MB idle.
            var capacity = Math.Max(1024, Category.Length + (Category.Length / 2));
            Category = Grow(Category, capacity);
            PriceMinor = Grow(PriceMinor, capacity);
            Currency = Grow(Currency, capacity);
            Stock = Grow(Stock, capacity);
            Recency = Grow(Recency, capacity);
            NameWords = Grow(NameWords, capacity);
            IdKey = Grow(IdKey, capacity);
            NameLength = Grow(NameLength, capacity);
            FirstNameWord = Grow(FirstNameWord, capacity);
            Text = Grow(Text, capacity);
        }

        Category[ordinal] = category;
        PriceMinor[ordinal] = product.Product.PriceMinor;
        Currency[ordinal] = CurrencyKey(product.Product.Currency);
        Stock[ordinal] = product.Product.Stock;
        Recency[ordinal] = product.Recency;
        NameWords[ordinal] = (byte)Math.Min(product.NameWordCount, 63);
        IdKey[ordinal] = product.IdKey;
        NameLength[ordinal] = product.Product.Name.Length;
        FirstNameWord[ordinal] = firstNameWord;
        Text[ordinal] = text;
    }

    public void Clear(int ordinal)
    {
        Category[ordinal] = NoProduct;
        FirstNameWord[ordinal] = null;
        Text[ordinal] = null;
    }

    /// <summary>
    /// Writes the first <paramref name="count"/> entries of each column; the first name words as
    /// their numbers in <paramref name="wordNumbers"/> (the vocabulary's order), -1 for none.
    /// </summary>
    public void WriteTo(SnapshotWriter writer, int count, Dictionary<string, int> wordNumbers)
    {
        writer.Write<int>(Category.AsSpan(0, count));
        writer.Write<long>(PriceMinor.AsSpan(0, count));
        writer.Write<int>(Currency.AsSpan(0, count));
        writer.Write<int>(Stock.AsSpan(0, count));
        writer.Write<long>(Recency.AsSpan(0, count));
        writer.Write<byte>(NameWords.AsSpan(0, count));
        writer.Write<UInt128>(IdKey.AsSpan(0, count));
        writer.Write<int>(NameLength.AsSpan(0, count));
        var firstWords = new int[count];
        for (var i = 0; i < count; i++)
        {
            firstWords[i] = FirstNameWord[i] is { } word ? wordNumbers[word] : -1;
        }

        writer.Write<int>(firstWords);
        for (var i = 0; i < count; i++)
        {
            if (Text[i] is { } text)
            {
                writer.Write<byte>(text);
            }
            else
            {
                writer.Write(-1);
            }
        }
    }

    /// <summary>Columns of <paramref name="count"/> products read back; first name words resolved against <paramref name="words"/>.</summary>
    public static ProductColumns ReadFrom(SnapshotReader reader, int count, IReadOnlyList<PostingList> words)
    {
        var capacity = Math.Max(1024, count);
        var columns = new ProductColumns
        {
            Category = reader.ReadArray<int>(count, capacity),
            PriceMinor = reader.ReadArray<long>(count, capacity),
            Currency = reader.ReadArray<int>(count, capacity),
            Stock = reader.ReadArray<int>(count, capacity),
            Recency = reader.ReadArray<long>(count, capacity),
            NameWords = reader.ReadArray<byte>(count, capacity),
            IdKey = reader.ReadArray<UInt128>(count, capacity),
            NameLength = reader.ReadArray<int>(count, capacity),
            FirstNameWord = new string?[capacity],
            Text = new byte[]?[capacity],
        };
        var firstWords = reader.ReadArray<int>(count, 0);
        for (var i = 0; i < count; i++)
        {
            var word = firstWords[i];
            if (word < -1 || word >= words.Count)
            {
                throw new InvalidDataException("The snapshot is damaged: a name's first word is not in its vocabulary.");
            }

            columns.FirstNameWord[i] = word == -1 ? null : words[word].Word;
            columns.Text[i] = reader.ReadNullableArray<byte>();
        }

        return columns;
    }

    /// <summary>Bytes of the arrays (capacity, not just the used part), for tests and the bench.</summary>
    public long HeapBytes()
    {
        long perProduct = 4 + 8 + 4 + 8 + 1 + 16 + 4 + 8 + 8;
        long bytes = perProduct * Capacity;
        foreach (var text in Text)
        {
            bytes += text is null ? 0 : 24 + ((text.Length + 7) & ~7);
        }

        return bytes;
    }

    /// <summary>A currency code as one number (its characters' bits side by side), so comparing needs no lookup.</summary>
    public static int CurrencyKey(string code)
    {
        var key = 0;
        foreach (var c in code.AsSpan(0, Math.Min(code.Length, 3)))
        {
            key = (key << 8) | (c & 0xFF);
        }

        return key;
    }

    private static T[] Grow<T>(T[] array, int capacity)
    {
        var grown = new T[capacity];
        array.CopyTo(grown, 0);
        return grown;
    }
}
