using System.Buffers;
using Covacha.Search.Index;

namespace Covacha.Search.Tests.Unit;

/// <summary>
/// The compact structures the index keeps its catalogue in, checked against plain collections
/// through every change of representation (small array, sparse chunk, bitmap chunk and back).
/// </summary>
public sealed class CompactStructuresTests
{
    [Theory]
    [InlineData(300, 2_000)]
    [InlineData(5_000, 200_000)]
    [InlineData(60_000, 300_000)]
    public void PostingSet_RandomAddsAndRemoves_HoldsExactlyTheSameOrdinalsAsAHashSet(int operations, int range)
    {
        var random = new Random(operations);
        var set = new PostingSet();
        var expected = new HashSet<int>();
        for (var i = 0; i < operations * 2; i++)
        {
            var ordinal = random.Next(range);

            // Grow to the full size, then shrink back below the small-array limit.
            var adding = i < operations || random.Next(8) == 0;
            Assert.Equal(adding ? expected.Add(ordinal) : expected.Remove(ordinal), adding ? set.Add(ordinal) : set.Remove(ordinal));
        }

        Assert.Equal(expected.Count, set.Count);
        Assert.Equal(expected.Order(), set.ToList());
        var bits = new ulong[(range + 63) / 64];
        set.OrInto(bits);
        Assert.All(Enumerable.Range(0, range), o => Assert.Equal(expected.Contains(o), (bits[o >> 6] & (1UL << o)) != 0));
    }

    [Fact]
    public void PostingSet_DenseWord_TakesAboutOneBitPerProduct()
    {
        var set = new PostingSet();
        for (var ordinal = 0; ordinal < 1_000_000; ordinal += 2)
        {
            set.Add(ordinal);
        }

        // Half of a million products: an int per entry would be 2,000,000 bytes.
        Assert.InRange(set.HeapBytes(), 0, 140_000);
    }

    [Theory]
    [InlineData("Cámara Sony negro A1234")]
    [InlineData("")]
    [InlineData("  dos  espacios  y final ")]
    [InlineData("https://img.covacha.dev/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("Ñandú 🐦 crème brûlée, 3/4 taza — «ideal»")]
    [InlineData("una-palabra-muy-larga-que-no-cabe-en-una-pieza-del-diccionario y más")]
    public void TextDictionary_EncodeThenDecode_GivesBackTheExactText(string text)
    {
        var dictionary = new TextDictionary();
        var output = new ArrayBufferWriter<byte>();
        dictionary.Encode(text, output);
        dictionary.Encode(null, output);
        dictionary.Encode(text.ToUpperInvariant(), output);

        var position = 0;
        Assert.Equal(text, dictionary.Decode(output.WrittenSpan, ref position));
        Assert.Null(dictionary.Decode(output.WrittenSpan, ref position));
        Assert.Equal(text.ToUpperInvariant(), dictionary.Decode(output.WrittenSpan, ref position));
        Assert.Equal(output.WrittenCount, position);
    }

    [Fact]
    public void TextDictionary_ReleaseOfEveryText_ForgetsEveryPieceAndReusesTheRoom()
    {
        var dictionary = new TextDictionary();
        var random = new Random(5);
        string Text() => string.Join(' ', Enumerable.Range(0, 20).Select(_ => "p" + random.Next(5_000)));
        var held = new List<(string Text, byte[] Encoded)>();
        long? settled = null;
        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 500; i++)
            {
                var text = Text();
                var output = new ArrayBufferWriter<byte>();
                dictionary.Encode(text, output);
                held.Add((text, output.WrittenSpan.ToArray()));
            }

            foreach (var (text, encoded) in held)
            {
                var position = 0;
                Assert.Equal(text, dictionary.Decode(encoded, ref position));
            }

            foreach (var (_, encoded) in held)
            {
                var position = 0;
                dictionary.Release(encoded, ref position);
            }

            held.Clear();
            Assert.Equal(0, dictionary.Count);
            settled ??= dictionary.HeapBytes();
        }

        // Round after round of the same amount of text: the dictionary does not grow.
        Assert.Equal(settled, dictionary.HeapBytes());
    }

    [Fact]
    public void OrdinalMap_RandomAddsAndRemoves_FindsEveryLiveKeyAndNoOther()
    {
        var random = new Random(3);
        var keys = new UInt128[20_000];
        var map = new OrdinalMap();
        var live = new HashSet<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64());
        }

        for (var step = 0; step < 60_000; step++)
        {
            var ordinal = random.Next(keys.Length);
            if (live.Add(ordinal))
            {
                map.Add(ordinal, keys);
            }
            else if (random.Next(2) == 0)
            {
                map.Remove(ordinal, keys);
                live.Remove(ordinal);
            }
        }

        Assert.Equal(live.Count, map.Count);
        Assert.All(Enumerable.Range(0, keys.Length), o => Assert.Equal(live.Contains(o) ? o : -1, map.Find(keys[o], keys)));
    }
}
