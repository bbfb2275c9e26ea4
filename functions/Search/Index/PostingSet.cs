using System.Numerics;
using System.Runtime.InteropServices;

namespace Covacha.Search.Index;

/// <summary>
/// A set of product ordinals, compact at every size: a short sorted array while it is small,
/// then one container per 65,536 ordinals (a sorted array of 16-bit offsets while the chunk is
/// sparse, a 8 KiB bitmap once it is dense), in the manner of roaring bitmaps. A word in half the
/// catalogue costs one bit per product instead of an <c>int</c> per entry, and a query ORs its
/// bitmap containers into the term's bitmap a machine word at a time.
/// </summary>
internal sealed class PostingSet
{
    /// <summary>Entries kept as one sorted <c>int</c> array before the set is split into chunks.</summary>
    internal const int SmallLimit = 512;

    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkWords = ChunkSize / 64;

    /// <summary>A sparse chunk becomes a bitmap above this many entries (where 16-bit offsets outgrow 8 KiB).</summary>
    private const int BitmapAbove = 4_096;

    /// <summary>A bitmap chunk becomes sparse again below this (half, so a chunk at the border does not flip on every change).</summary>
    private const int SparseBelow = 2_048;

    private int[]? _small = [];
    private Chunk?[]? _chunks;

    public int Count { get; private set; }

    public bool Add(int ordinal)
    {
        bool added;
        if (_small is not null)
        {
            var found = Array.BinarySearch(_small, 0, Count, ordinal);
            if (found >= 0)
            {
                return false;
            }

            if (Count < SmallLimit)
            {
                _small = Insert(_small, Count, ~found, ordinal);
                Count++;
                return true;
            }

            Split();
        }

        var chunk = ChunkFor(ordinal >> ChunkBits);
        added = chunk.Add((ushort)ordinal);
        if (added)
        {
            Count++;
        }

        return added;
    }

    public bool Remove(int ordinal)
    {
        if (_small is not null)
        {
            var found = Array.BinarySearch(_small, 0, Count, ordinal);
            if (found < 0)
            {
                return false;
            }

            Array.Copy(_small, found + 1, _small, found, Count - found - 1);
            Count--;
            if (_small.Length > 8 && Count <= _small.Length / 4)
            {
                Array.Resize(ref _small, _small.Length / 2);
            }

            return true;
        }

        var at = ordinal >> ChunkBits;
        if (at >= _chunks!.Length || _chunks[at] is not { } chunk || !chunk.Remove((ushort)ordinal))
        {
            return false;
        }

        Count--;
        if (chunk.Count == 0)
        {
            _chunks[at] = null;
        }

        if (Count <= SmallLimit / 2)
        {
            Join();
        }

        return true;
    }

    public bool Contains(int ordinal)
    {
        if (_small is not null)
        {
            return Array.BinarySearch(_small, 0, Count, ordinal) >= 0;
        }

        var at = ordinal >> ChunkBits;
        return at < _chunks!.Length && _chunks[at] is { } chunk && chunk.Contains((ushort)ordinal);
    }

    /// <summary>Sets the bit of every member in <paramref name="bits"/> (a bitmap over ordinals).</summary>
    public void OrInto(Span<ulong> bits)
    {
        if (_small is not null)
        {
            foreach (var ordinal in _small.AsSpan(0, Count))
            {
                bits[ordinal >> 6] |= 1UL << ordinal;
            }

            return;
        }

        for (var c = 0; c < _chunks!.Length; c++)
        {
            _chunks[c]?.OrInto(bits, c * ChunkWords);
        }
    }

    /// <summary>The members in ascending order (tests and rebuilding).</summary>
    public List<int> ToList()
    {
        var list = new List<int>(Count);
        if (_small is not null)
        {
            list.AddRange(_small.AsSpan(0, Count));
            return list;
        }

        for (var c = 0; c < _chunks!.Length; c++)
        {
            _chunks[c]?.AddTo(list, c << ChunkBits);
        }

        return list;
    }

    /// <summary>Bytes this set holds on the heap (objects included), for tests and the bench.</summary>
    public long HeapBytes()
    {
        const int arrayHeader = 24;
        if (_small is not null)
        {
            return arrayHeader + (4L * _small.Length);
        }

        var bytes = arrayHeader + (8L * _chunks!.Length);
        foreach (var chunk in _chunks)
        {
            bytes += chunk?.HeapBytes() ?? 0;
        }

        return bytes;
    }

    /// <summary>Writes the set as it is held (its containers), so reading it back costs no insertions.</summary>
    public void WriteTo(SnapshotWriter writer)
    {
        writer.Write(Count);
        if (_small is not null)
        {
            writer.Write((byte)0);
            writer.Write<int>(_small.AsSpan(0, Count));
            return;
        }

        writer.Write((byte)1);
        writer.Write(_chunks!.Length);
        foreach (var chunk in _chunks)
        {
            if (chunk is null)
            {
                writer.Write((byte)0);
            }
            else
            {
                chunk.WriteTo(writer);
            }
        }
    }

    public static PostingSet ReadFrom(SnapshotReader reader)
    {
        var set = new PostingSet { Count = reader.Read<int>() };
        var kind = reader.Read<byte>();
        if (kind == 0)
        {
            set._small = reader.ReadArray<int>();
            if (set._small.Length != set.Count)
            {
                throw new InvalidDataException("The snapshot is damaged: a posting list's count disagrees with its entries.");
            }

            return set;
        }

        if (kind != 1)
        {
            throw new InvalidDataException("The snapshot is damaged: unknown posting container.");
        }

        set._small = null;
        set._chunks = new Chunk?[reader.Count(reader.Read<int>(), 1)];
        var total = 0;
        for (var c = 0; c < set._chunks.Length; c++)
        {
            set._chunks[c] = Chunk.ReadFrom(reader);
            total += set._chunks[c]?.Count ?? 0;
        }

        if (total != set.Count)
        {
            throw new InvalidDataException("The snapshot is damaged: a posting list's count disagrees with its entries.");
        }

        return set;
    }

    private Chunk ChunkFor(int at)
    {
        if (at >= _chunks!.Length)
        {
            Array.Resize(ref _chunks, at + 1);
        }

        return _chunks[at] ??= new Chunk();
    }

    private void Split()
    {
        var small = _small!;
        _small = null;
        _chunks = [];
        foreach (var ordinal in small.AsSpan(0, Count))
        {
            ChunkFor(ordinal >> ChunkBits).Add((ushort)ordinal);
        }
    }

    private void Join()
    {
        var members = ToList();
        _chunks = null;
        _small = new int[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, members.Count)))];
        members.CopyTo(_small);
    }

    private static int[] Insert(int[] array, int count, int index, int value)
    {
        if (count == array.Length)
        {
            Array.Resize(ref array, Math.Max(4, Math.Min(array.Length * 2, SmallLimit)));
        }

        Array.Copy(array, index, array, index + 1, count - index);
        array[index] = value;
        return array;
    }

    /// <summary>The members among 65,536 consecutive ordinals: sorted low halves, or a bitmap.</summary>
    private sealed class Chunk
    {
        private ushort[]? _sorted = new ushort[4];
        private ulong[]? _bits;

        public int Count { get; private set; }

        public bool Add(ushort low)
        {
            if (_bits is not null)
            {
                ref var word = ref _bits[low >> 6];
                var bit = 1UL << low;
                if ((word & bit) != 0)
                {
                    return false;
                }

                word |= bit;
                Count++;
                return true;
            }

            var found = Array.BinarySearch(_sorted!, 0, Count, low);
            if (found >= 0)
            {
                return false;
            }

            if (Count == BitmapAbove)
            {
                ToBitmap();
                return Add(low);
            }

            if (Count == _sorted!.Length)
            {
                Array.Resize(ref _sorted, Math.Min(_sorted.Length * 2, BitmapAbove));
            }

            Array.Copy(_sorted, ~found, _sorted, ~found + 1, Count - ~found);
            _sorted[~found] = low;
            Count++;
            return true;
        }

        public bool Remove(ushort low)
        {
            if (_bits is not null)
            {
                ref var word = ref _bits[low >> 6];
                var bit = 1UL << low;
                if ((word & bit) == 0)
                {
                    return false;
                }

                word &= ~bit;
                Count--;
                if (Count < SparseBelow)
                {
                    ToSorted();
                }

                return true;
            }

            var found = Array.BinarySearch(_sorted!, 0, Count, low);
            if (found < 0)
            {
                return false;
            }

            Array.Copy(_sorted!, found + 1, _sorted!, found, Count - found - 1);
            Count--;
            return true;
        }

        public bool Contains(ushort low) =>
            _bits is not null ? (_bits[low >> 6] & (1UL << low)) != 0 : Array.BinarySearch(_sorted!, 0, Count, low) >= 0;

        public void OrInto(Span<ulong> bits, int offset)
        {
            if (_bits is not null)
            {
                var target = bits[offset..];
                var source = _bits.AsSpan(0, Math.Min(ChunkWords, target.Length));
                OrVectors(MemoryMarshal.Cast<ulong, Vector<ulong>>(target), MemoryMarshal.Cast<ulong, Vector<ulong>>(source));
                for (var w = source.Length / Vector<ulong>.Count * Vector<ulong>.Count; w < source.Length; w++)
                {
                    target[w] |= source[w];
                }

                return;
            }

            foreach (var low in _sorted.AsSpan(0, Count))
            {
                bits[offset + (low >> 6)] |= 1UL << low;
            }
        }

        public void AddTo(List<int> list, int baseOrdinal)
        {
            if (_bits is null)
            {
                foreach (var low in _sorted.AsSpan(0, Count))
                {
                    list.Add(baseOrdinal + low);
                }

                return;
            }

            for (var w = 0; w < ChunkWords; w++)
            {
                for (var rest = _bits[w]; rest != 0; rest &= rest - 1)
                {
                    list.Add(baseOrdinal + (w << 6) + BitOperations.TrailingZeroCount(rest));
                }
            }
        }

        public void WriteTo(SnapshotWriter writer)
        {
            if (_bits is not null)
            {
                writer.Write((byte)2);
                writer.Write(Count);
                writer.Write<ulong>(_bits);
                return;
            }

            writer.Write((byte)1);
            writer.Write<ushort>(_sorted.AsSpan(0, Count));
        }

        public static Chunk? ReadFrom(SnapshotReader reader)
        {
            switch (reader.Read<byte>())
            {
                case 0:
                    return null;
                case 1:
                    var sorted = reader.ReadArray<ushort>();
                    return sorted.Length == 0 ? null : new Chunk { _sorted = sorted, Count = sorted.Length };
                case 2:
                    var count = reader.Read<int>();
                    var bits = reader.ReadArray<ulong>();
                    if (bits.Length != ChunkWords)
                    {
                        throw new InvalidDataException("The snapshot is damaged: a bitmap container has the wrong size.");
                    }

                    return new Chunk { _sorted = null, _bits = bits, Count = count };
                default:
                    throw new InvalidDataException("The snapshot is damaged: unknown posting container.");
            }
        }

        public long HeapBytes() => 32 + 24 + (_bits is not null ? 8L * _bits.Length : 2L * _sorted!.Length);

        private static void OrVectors(Span<Vector<ulong>> target, ReadOnlySpan<Vector<ulong>> source)
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] |= source[i];
            }
        }

        private void ToBitmap()
        {
            _bits = new ulong[ChunkWords];
            foreach (var low in _sorted.AsSpan(0, Count))
            {
                _bits[low >> 6] |= 1UL << low;
            }

            _sorted = null;
        }

        private void ToSorted()
        {
            var sorted = new ushort[Math.Min(BitmapAbove, Count * 2)];
            var n = 0;
            for (var w = 0; w < ChunkWords; w++)
            {
                for (var rest = _bits![w]; rest != 0; rest &= rest - 1)
                {
                    sorted[n++] = (ushort)((w << 6) + BitOperations.TrailingZeroCount(rest));
                }
            }

            _sorted = sorted;
            _bits = null;
        }
    }
}
