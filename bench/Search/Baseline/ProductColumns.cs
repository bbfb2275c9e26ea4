namespace Covacha.Search.Bench.Baseline;

/// <summary>
/// The fields a query reads for every match (filters, facets, sort keys), one dense array each
/// by ordinal: a query over tens of thousands of matches then reads memory in order instead of
/// chasing a pointer per product.
/// </summary>
internal sealed class ProductColumns
{
    /// <summary>Marks an ordinal whose product was deleted.</summary>
    public const int NoProduct = -1;

    public int[] Category { get; private set; } = [];

    public long[] PriceCents { get; private set; } = [];

    public int[] Stock { get; private set; } = [];

    public long[] Recency { get; private set; } = [];

    /// <summary>Words in the name, at most 63 (a shorter name that matches is the more specific match).</summary>
    public byte[] NameWords { get; private set; } = [];

    public UInt128[] IdKey { get; private set; } = [];

    /// <summary>The name's length in characters (suggestions prefer short names).</summary>
    public int[] NameLength { get; private set; } = [];

    /// <summary>The name's first folded word, the vocabulary's own copy (suggestions prefer names that start with the typed words).</summary>
    public string?[] FirstNameWord { get; private set; } = [];

    public void Set(int ordinal, IndexedProduct product, int category)
    {
        if (ordinal >= Category.Length)
        {
            var capacity = Math.Max(1024, Category.Length * 2);
            Category = Grow(Category, capacity);
            PriceCents = Grow(PriceCents, capacity);
            Stock = Grow(Stock, capacity);
            Recency = Grow(Recency, capacity);
            NameWords = Grow(NameWords, capacity);
            IdKey = Grow(IdKey, capacity);
            NameLength = Grow(NameLength, capacity);
            FirstNameWord = Grow(FirstNameWord, capacity);
        }

        Category[ordinal] = category;
        PriceCents[ordinal] = product.PriceCents;
        Stock[ordinal] = product.Product.Stock;
        Recency[ordinal] = product.Recency;
        NameWords[ordinal] = (byte)Math.Min(product.NameWordCount, 63);
        IdKey[ordinal] = product.IdKey;
        NameLength[ordinal] = product.Product.Name.Length;
        FirstNameWord[ordinal] = product.NameWordsDistinct > 0 ? product.Words[0] : null;
    }

    public void Clear(int ordinal) => Category[ordinal] = NoProduct;

    private static T[] Grow<T>(T[] array, int capacity)
    {
        var grown = new T[capacity];
        array.CopyTo(grown, 0);
        return grown;
    }
}
