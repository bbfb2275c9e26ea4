using System.Buffers.Binary;
using Covacha.Search.Model;
using Covacha.Search.Text;

namespace Covacha.Search.Bench.Baseline;

/// <summary>A product as the index holds it: its stored fields and what searching and sorting need, computed once.</summary>
internal sealed class IndexedProduct
{
    private static readonly DateTimeOffset RecencyEpoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IndexedProduct(StoredProduct product, DateTimeOffset createdAt, string[] words, int nameWordsDistinct, string nameFolded, int nameWordCount)
    {
        Product = product;
        var micros = (createdAt - RecencyEpoch).Ticks / 10;
        Recency = MaxRecency - Math.Clamp(micros, 0, MaxRecency);
        PriceCents = (long)decimal.Round(product.Price * 100m);
        Words = words;
        NameWordsDistinct = nameWordsDistinct;
        NameFolded = nameFolded;
        NameWordCount = nameWordCount;
        Span<byte> bytes = stackalloc byte[16];
        product.Id.TryWriteBytes(bytes, bigEndian: true, out _);
        IdKey = BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>The largest <see cref="Recency"/>: 53 bits of microseconds, about 285 years.</summary>
    public const long MaxRecency = (1L << 53) - 1;

    public StoredProduct Product { get; }

    /// <summary>Microseconds before the latest representable instant: smaller is newer (sorts ascending).</summary>
    public long Recency { get; }

    /// <summary>The price in cents (the read model keeps two decimals).</summary>
    public long PriceCents { get; }

    /// <summary>The id in PostgreSQL's uuid order (big-endian bytes), the tie-breaker of every sort.</summary>
    public UInt128 IdKey { get; }

    /// <summary>
    /// The distinct folded words in order of appearance: those of the name first
    /// (<see cref="NameWordsDistinct"/> of them, so the name's first word is <c>Words[0]</c>), then
    /// the description's others.
    /// </summary>
    public string[] Words { get; }

    public int NameWordsDistinct { get; }

    /// <summary>The name's folded words joined by single spaces (for "name starts with" in suggestions).</summary>
    public string NameFolded { get; }

    public int NameWordCount { get; }

    public static IndexedProduct Create(StoredChange change, StoredProduct product)
    {
        var nameWords = TextFolding.Words(product.Name);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var word in nameWords)
        {
            if (distinct.Add(word))
            {
                words.Add(word);
            }
        }

        var nameWordsDistinct = words.Count;
        foreach (var word in TextFolding.Words(product.Description))
        {
            if (distinct.Add(word))
            {
                words.Add(word);
            }
        }

        return new IndexedProduct(product, change.CreatedAt, [.. words], nameWordsDistinct, string.Join(' ', nameWords), nameWords.Count);
    }
}
