using System.Buffers.Binary;
using Covacha.Search.Model;
using Covacha.Search.Text;

namespace Covacha.Search.Index;

/// <summary>A product on its way into the index: what searching and sorting need, computed once and outside the index's lock.</summary>
internal sealed class IndexedProduct
{
    private static readonly DateTimeOffset RecencyEpoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IndexedProduct(StoredProduct product, DateTimeOffset createdAt, string[] words, int nameWordsDistinct, int nameWordCount)
    {
        Product = product;
        var micros = (createdAt - RecencyEpoch).Ticks / 10;
        Recency = MaxRecency - Math.Clamp(micros, 0, MaxRecency);
        Words = words;
        NameWordsDistinct = nameWordsDistinct;
        NameWordCount = nameWordCount;
        IdKey = KeyOf(product.Id);
    }

    /// <summary>The largest <see cref="Recency"/>: 53 bits of microseconds, about 285 years.</summary>
    public const long MaxRecency = (1L << 53) - 1;

    public StoredProduct Product { get; }

    /// <summary>Microseconds before the latest representable instant: smaller is newer (sorts ascending).</summary>
    public long Recency { get; }

    /// <summary>The id in PostgreSQL's uuid order (big-endian bytes), the tie-breaker of every sort.</summary>
    public UInt128 IdKey { get; }

    /// <summary>
    /// The distinct folded words in order of appearance: those of the name first
    /// (<see cref="NameWordsDistinct"/> of them, so the name's first word is <c>Words[0]</c>), then
    /// the description's others.
    /// </summary>
    public string[] Words { get; }

    public int NameWordsDistinct { get; }

    public int NameWordCount { get; }

    public static IndexedProduct Create(StoredChange change, StoredProduct product)
    {
        var (words, nameWordsDistinct, nameWordCount) = DistinctWords(product.Name, product.Description);
        return new IndexedProduct(product, change.CreatedAt, words, nameWordsDistinct, nameWordCount);
    }

    /// <summary>The distinct folded words of a name and description, the name's first, with how many are the name's.</summary>
    public static (string[] Words, int NameWordsDistinct, int NameWordCount) DistinctWords(string name, string description)
    {
        var nameWords = TextFolding.Words(name);
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
        foreach (var word in TextFolding.Words(description))
        {
            if (distinct.Add(word))
            {
                words.Add(word);
            }
        }

        return ([.. words], nameWordsDistinct, nameWords.Count);
    }

    public static UInt128 KeyOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static Guid IdOf(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return new Guid(bytes, bigEndian: true);
    }
}
