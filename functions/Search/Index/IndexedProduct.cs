using System.Buffers.Binary;
using Covacha.Search.Model;
using Covacha.Search.Text;

namespace Covacha.Search.Index;

/// <summary>A product as the index holds it: its stored fields and what searching and sorting need, computed once.</summary>
internal sealed class IndexedProduct
{
    private IndexedProduct(StoredProduct product, long version, long createdTicks, string[] words, int nameWordsDistinct, string nameFolded, int nameWordCount)
    {
        Product = product;
        Version = version;
        CreatedTicks = createdTicks;
        Words = words;
        NameWordsDistinct = nameWordsDistinct;
        NameFolded = nameFolded;
        NameWordCount = nameWordCount;
        Span<byte> bytes = stackalloc byte[16];
        product.Id.TryWriteBytes(bytes, bigEndian: true, out _);
        IdKey = BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public StoredProduct Product { get; }

    public long Version { get; }

    public long CreatedTicks { get; }

    /// <summary>The id in PostgreSQL's uuid order (big-endian bytes), the tie-breaker of every sort.</summary>
    public UInt128 IdKey { get; }

    /// <summary>The distinct folded words: those of the name first (<see cref="NameWordsDistinct"/> of them), then the description's others.</summary>
    public string[] Words { get; }

    public int NameWordsDistinct { get; }

    /// <summary>The name's folded words joined by single spaces (for "name starts with" in suggestions).</summary>
    public string NameFolded { get; }

    public int NameWordCount { get; }

    /// <summary>Index of the category in the index's category table; set when the product is added.</summary>
    public int Category { get; set; }

    public static IndexedProduct Create(StoredChange change, StoredProduct product)
    {
        var nameWords = TextFolding.Words(product.Name);
        var distinct = new HashSet<string>(nameWords, StringComparer.Ordinal);
        var words = new List<string>(distinct);
        var nameWordsDistinct = words.Count;
        foreach (var word in TextFolding.Words(product.Description))
        {
            if (distinct.Add(word))
            {
                words.Add(word);
            }
        }

        return new IndexedProduct(
            product, change.Version, change.CreatedAt.UtcTicks, [.. words], nameWordsDistinct, string.Join(' ', nameWords), nameWords.Count);
    }
}
