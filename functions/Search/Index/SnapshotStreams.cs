using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Covacha.Search.Index;

/// <summary>
/// Writes an index snapshot: primitives and arrays of primitives as their little-endian bytes, a
/// SHA-256 of everything written at the end, so a reader can tell a whole snapshot from a cut or
/// damaged one before it uses any of it.
/// </summary>
internal sealed class SnapshotWriter(Stream stream) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public void Write<T>(T value) where T : unmanaged => Raw(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(ref value)));

    /// <summary>The length, then the elements.</summary>
    public void Write<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        Write(values.Length);
        Raw(MemoryMarshal.AsBytes(values));
    }

    public void Write(string? text)
    {
        if (text is null)
        {
            Write(-1);
            return;
        }

        Write(text.AsSpan());
    }

    /// <summary>Writes the checksum after what was written and flushes.</summary>
    public void Finish()
    {
        Drain();
        stream.Write(_hash.GetHashAndReset());
        stream.Flush();
    }

    public void Dispose() => _hash.Dispose();

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Drain();
            if (bytes.Length > _buffer.Length)
            {
                _hash.AppendData(bytes);
                stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Drain()
    {
        _hash.AppendData(_buffer, 0, _used);
        stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote. Every length is checked against the bytes the
/// snapshot has left, so a damaged length fails as <see cref="InvalidDataException"/> instead of
/// asking for gigabytes; <see cref="Finish"/> checks the checksum.
/// </summary>
internal sealed class SnapshotReader(Stream stream, long length) : IDisposable
{
    private const int DigestLength = 32;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _hashFrom;
    private long _consumed;

    public T Read<T>() where T : unmanaged
    {
        T value = default;
        Raw(MemoryMarshal.AsBytes(new Span<T>(ref value)));
        return value;
    }

    public T[] ReadArray<T>() where T : unmanaged
    {
        var count = Count(Read<int>(), Unsafe.SizeOf<T>());
        var values = GC.AllocateUninitializedArray<T>(count);
        Raw(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>An array, or null where the writer wrote a length of -1.</summary>
    public T[]? ReadNullableArray<T>() where T : unmanaged
    {
        var count = Read<int>();
        if (count == -1)
        {
            return null;
        }

        var values = GC.AllocateUninitializedArray<T>(Count(count, Unsafe.SizeOf<T>()));
        Raw(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>An array of exactly <paramref name="expected"/> elements (a column of the index).</summary>
    public T[] ReadArray<T>(int expected, int capacity) where T : unmanaged
    {
        var count = Count(Read<int>(), Unsafe.SizeOf<T>());
        if (count != expected)
        {
            throw new InvalidDataException($"The snapshot has a column of {count} entries where {expected} were expected.");
        }

        var values = new T[Math.Max(count, capacity)];
        Raw(MemoryMarshal.AsBytes(values.AsSpan(0, count)));
        return values;
    }

    public string? ReadString()
    {
        var length = Read<int>();
        if (length == -1)
        {
            return null;
        }

        var chars = Count(length, sizeof(char));
        return string.Create(chars, this, static (span, reader) => reader.Raw(MemoryMarshal.AsBytes(span)));
    }

    /// <summary>Checks the checksum and that nothing follows it.</summary>
    public void Finish()
    {
        HashConsumed();
        var computed = _hash.GetHashAndReset();
        Span<byte> expected = stackalloc byte[DigestLength];
        Fill(expected);
        if (!computed.AsSpan().SequenceEqual(expected) || _consumed != length)
        {
            throw new InvalidDataException("The snapshot's checksum does not match its content.");
        }
    }

    public void Dispose() => _hash.Dispose();

    /// <summary>A count read from the snapshot, refused when its elements could not fit in what is left.</summary>
    public int Count(int count, int elementSize)
    {
        if (count < 0 || (long)count * elementSize > length - DigestLength - _consumed)
        {
            throw new InvalidDataException($"The snapshot is damaged: a count of {count} does not fit in its {length} bytes.");
        }

        return count;
    }

    private void Raw(Span<byte> target) => Fill(target);

    /// <summary>Hashes what was consumed from the buffer since the last time (one call per buffer, not per value).</summary>
    private void HashConsumed()
    {
        _hash.AppendData(_buffer, _hashFrom, _start - _hashFrom);
        _hashFrom = _start;
    }

    private void Fill(Span<byte> target)
    {
        while (target.Length > 0)
        {
            if (_start == _end)
            {
                HashConsumed();
                if (target.Length >= _buffer.Length)
                {
                    // Large arrays go straight from the stream into place.
                    var direct = stream.Read(target);
                    if (direct == 0)
                    {
                        throw new InvalidDataException("The snapshot ends early.");
                    }

                    _hash.AppendData(target[..direct]);
                    _consumed += direct;
                    target = target[direct..];
                    continue;
                }

                (_start, _hashFrom) = (0, 0);
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    throw new InvalidDataException("The snapshot ends early.");
                }
            }

            var n = Math.Min(target.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(target);
            _start += n;
            _consumed += n;
            target = target[n..];
        }
    }
}
