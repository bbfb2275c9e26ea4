using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Covacha.Search.Index;

/// <summary>
/// The products' text, kept once per distinct piece: a text is cut after each space or slash
/// (<c>"Cámara Sony negro"</c> → <c>"Cámara "</c>, <c>"Sony "</c>, <c>"negro"</c>) and each piece
/// is stored as the number of its entry in a shared dictionary, one or two bytes for the common
/// ones. A catalogue repeats its words across products, so a 200-character description takes
/// ~50 bytes instead of 400 as a string. Pieces longer than <see cref="MaxPieceLength"/> (the unique
/// part of an image address, say) are stored inline as UTF-8. Decoding gives back the exact text.
/// </summary>
/// <remarks>
/// Entries are counted: releasing an encoded text forgets the pieces nothing else uses, so
/// memory does not grow with products that came and went. Writes happen under the index's write
/// lock; decoding only reads and may run in parallel with other decodes.
/// </remarks>
internal sealed class TextDictionary
{
    public const int MaxPieceLength = 32;

    private const int Empty = 0;

    /// <summary>Every piece's characters, one after the other: the common pieces, learnt first, sit together.</summary>
    private char[] _arena = new char[4096];
    private int _arenaUsed;
    private int _arenaFree;

    /// <summary>Per entry: <c>start &lt;&lt; 8 | length</c> in <see cref="_arena"/>.</summary>
    private long[] _spans = new long[256];
    private int[] _uses = new int[256];

    /// <summary>Open-addressing table of entry + 1 (0 empty), keyed by the piece's characters.</summary>
    private int[] _slots = new int[512];
    private readonly Stack<int> _free = new();
    private int _next;

    /// <summary>Distinct pieces held.</summary>
    public int Count { get; private set; }

    /// <summary>Appends <paramref name="text"/> (null allowed) to <paramref name="output"/>, counting a use of each piece.</summary>
    public void Encode(string? text, ArrayBufferWriter<byte> output)
    {
        if (text is null)
        {
            WriteVarint(output, 0);
            return;
        }

        var pieces = 0;
        foreach (var _ in new Pieces(text))
        {
            pieces++;
        }

        // The piece count and the length, so decoding builds the string in one pass.
        WriteVarint(output, (uint)pieces + 1);
        WriteVarint(output, (uint)text.Length);
        foreach (var range in new Pieces(text))
        {
            var piece = text.AsSpan(range.Start, range.Length);
            if (piece.Length > MaxPieceLength)
            {
                var bytes = Encoding.UTF8.GetByteCount(piece);
                WriteVarint(output, ((uint)bytes << 1) | 1);
                output.Advance(Encoding.UTF8.GetBytes(piece, output.GetSpan(bytes)));
                continue;
            }

            WriteVarint(output, (uint)Intern(piece) << 1);
        }
    }

    /// <summary>Reads one text written by <see cref="Encode"/> at <paramref name="position"/> and moves past it.</summary>
    public string? Decode(ReadOnlySpan<byte> data, ref int position)
    {
        var header = ReadVarint(data, ref position);
        if (header == 0)
        {
            return null;
        }

        var length = (int)ReadVarint(data, ref position);

        // Pieces are copied a fixed 64 bytes at a time (one or two vector moves, no length
        // dispatch); the buffer and the arena keep that much slack past their ends. This is the
        // loop every result of every search runs through.
        var size = length + MaxPieceLength;
        char[]? rented = null;
        var buffer = size <= 512 ? stackalloc char[size] : (rented = ArrayPool<char>.Shared.Rent(size)).AsSpan(0, size);
        ref var target = ref MemoryMarshal.GetReference(buffer);
        ref var arena = ref MemoryMarshal.GetArrayDataReference(_arena);
        var spans = _spans;
        var written = 0;
        for (var i = 1u; i < header; i++)
        {
            uint code = data[position];
            if (code < 0x80)
            {
                position++;
            }
            else
            {
                code = ReadVarint(data, ref position);
            }

            if ((code & 1) == 0)
            {
                var span = spans[code >> 1];
                Unsafe.CopyBlockUnaligned(
                    ref Unsafe.As<char, byte>(ref Unsafe.Add(ref target, written)),
                    ref Unsafe.As<char, byte>(ref Unsafe.Add(ref arena, (nint)(span >> 8))),
                    MaxPieceLength * sizeof(char));
                written += (int)(span & 0xff);
            }
            else
            {
                var bytes = (int)(code >> 1);
                written += Encoding.UTF8.GetChars(data.Slice(position, bytes), buffer[written..]);
                position += bytes;
            }
        }

        var text = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return text;
    }

    /// <summary>Gives back the uses <see cref="Encode"/> counted for one text; pieces nothing uses any more are forgotten.</summary>
    public void Release(ReadOnlySpan<byte> data, ref int position)
    {
        var header = ReadVarint(data, ref position);
        if (header == 0)
        {
            return;
        }

        ReadVarint(data, ref position);
        for (var i = 1u; i < header; i++)
        {
            var code = ReadVarint(data, ref position);
            if ((code & 1) != 0)
            {
                position += (int)(code >> 1);
                continue;
            }

            var id = (int)(code >> 1);
            if (--_uses[id] == 0)
            {
                Forget(id);
            }
        }
    }

    /// <summary>
    /// Writes the entries as numbered (encoded texts refer to them by number); the lookup table
    /// is rebuilt on reading.
    /// </summary>
    public void WriteTo(SnapshotWriter writer)
    {
        writer.Write<char>(_arena.AsSpan(0, _arenaUsed));
        writer.Write<long>(_spans.AsSpan(0, _next));
        writer.Write<int>(_uses.AsSpan(0, _next));
    }

    public static TextDictionary ReadFrom(SnapshotReader reader)
    {
        var arena = reader.ReadArray<char>();
        var spans = reader.ReadArray<long>();
        var uses = reader.ReadArray<int>();
        if (uses.Length != spans.Length)
        {
            throw new InvalidDataException("The snapshot is damaged: text entries and their counts disagree.");
        }

        var next = spans.Length;
        var capacity = Math.Max(256, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, next)));
        var dictionary = new TextDictionary
        {
            // Decoding copies a whole MaxPieceLength from a piece's start: the arena keeps that slack.
            _arena = new char[Math.Max(4096, arena.Length + MaxPieceLength)],
            _arenaUsed = arena.Length,
            _spans = new long[capacity],
            _uses = new int[capacity],
            _next = next,
        };
        arena.CopyTo(dictionary._arena, 0);
        spans.CopyTo(dictionary._spans, 0);
        uses.CopyTo(dictionary._uses, 0);
        var live = 0;
        var liveChars = 0;
        for (var id = next - 1; id >= 0; id--)
        {
            if (uses[id] < 0 || (uses[id] > 0 && (spans[id] >> 8) + (spans[id] & 0xff) > arena.Length))
            {
                throw new InvalidDataException("The snapshot is damaged: a text entry lies outside the text.");
            }

            if (uses[id] == 0)
            {
                dictionary._free.Push(id);
                continue;
            }

            live++;
            liveChars += (int)(spans[id] & 0xff);
        }

        dictionary.Count = live;
        dictionary._arenaFree = arena.Length - liveChars;
        dictionary.Rehash(Math.Max(512, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, live * 2 + 1))));
        return dictionary;
    }

    /// <summary>Bytes held by the dictionary (arena, entries and lookup table), for tests and the bench.</summary>
    public long HeapBytes() => 4 * 24 + (2L * _arena.Length) + (12L * _spans.Length) + (4L * _slots.Length);

    private ReadOnlySpan<char> Piece(int id)
    {
        var span = _spans[id];
        return _arena.AsSpan((int)(span >> 8), (int)(span & 0xff));
    }

    private int Intern(ReadOnlySpan<char> piece)
    {
        var mask = _slots.Length - 1;
        var i = Home(piece, mask);
        for (; _slots[i] != Empty; i = (i + 1) & mask)
        {
            var id = _slots[i] - 1;
            if (piece.SequenceEqual(Piece(id)))
            {
                _uses[id]++;
                return id;
            }
        }

        if (!_free.TryPop(out var added))
        {
            added = _next++;
            if (added == _spans.Length)
            {
                Array.Resize(ref _spans, _spans.Length * 2);
                Array.Resize(ref _uses, _uses.Length * 2);
            }
        }

        if (_arenaUsed + piece.Length + MaxPieceLength > _arena.Length)
        {
            GrowArena(piece.Length);
        }

        piece.CopyTo(_arena.AsSpan(_arenaUsed));
        _spans[added] = ((long)_arenaUsed << 8) | (uint)piece.Length;
        _arenaUsed += piece.Length;
        _uses[added] = 1;
        Count++;
        if (Count * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
            return added;
        }

        _slots[i] = added + 1;
        return added;
    }

    private void Forget(int id)
    {
        var mask = _slots.Length - 1;
        var i = Home(Piece(id), mask);
        while (_slots[i] != id + 1)
        {
            i = (i + 1) & mask;
        }

        // Backward-shift deletion: no tombstones, lookups stay short.
        var hole = i;
        for (var j = (hole + 1) & mask; _slots[j] != Empty; j = (j + 1) & mask)
        {
            var home = Home(Piece(_slots[j] - 1), mask);
            var between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!between)
            {
                _slots[hole] = _slots[j];
                hole = j;
            }
        }

        _slots[hole] = Empty;
        _arenaFree += (int)(_spans[id] & 0xff);
        _spans[id] = 0;
        _uses[id] = 0;
        _free.Push(id);
        Count--;
    }

    /// <summary>Makes room for a piece; when forgotten pieces are most of the arena, packs the live ones instead of growing.</summary>
    private void GrowArena(int needed)
    {
        var live = _arenaUsed - _arenaFree;
        var size = _arena.Length;
        while (live + needed + MaxPieceLength > size / 2)
        {
            size *= 2;
        }

        var packed = new char[size];
        var used = 0;
        for (var id = 0; id < _next; id++)
        {
            if (_uses[id] == 0)
            {
                continue;
            }

            var piece = Piece(id);
            piece.CopyTo(packed.AsSpan(used));
            _spans[id] = ((long)used << 8) | (uint)piece.Length;
            used += piece.Length;
        }

        (_arena, _arenaUsed, _arenaFree) = (packed, used, 0);
    }

    private void Rehash(int size)
    {
        _slots = new int[size];
        var mask = size - 1;
        for (var id = 0; id < _next; id++)
        {
            if (_uses[id] == 0)
            {
                continue;
            }

            var i = Home(Piece(id), mask);
            while (_slots[i] != Empty)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = id + 1;
        }
    }

    private static int Home(ReadOnlySpan<char> piece, int mask) => string.GetHashCode(piece) & mask;

    internal static void WriteVarint(ArrayBufferWriter<byte> output, uint value)
    {
        var span = output.GetSpan(5);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        output.Advance(n);
    }

    internal static uint ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (uint)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    /// <summary>The pieces of a text: each ends after a space or a slash, or at the end.</summary>
    private readonly struct Pieces(string text)
    {
        public Enumerator GetEnumerator() => new(text);

        public struct Enumerator(string text)
        {
            private int _end;

            public (int Start, int Length) Current { get; private set; }

            public bool MoveNext()
            {
                if (_end >= text.Length)
                {
                    return false;
                }

                var start = _end;
                var cut = text.AsSpan(start).IndexOfAny(' ', '/');
                _end = cut < 0 ? text.Length : start + cut + 1;
                Current = (start, _end - start);
                return true;
            }
        }
    }
}
