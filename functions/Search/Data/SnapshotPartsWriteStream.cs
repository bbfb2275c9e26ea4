namespace Covacha.Search.Data;

/// <summary>
/// A write-only stream that cuts what is written into parts of <paramref name="partBytes"/> and
/// hands each, numbered from 0, to <paramref name="writePart"/>: how every snapshot store keeps a
/// snapshot as a run of bounded rows or documents. The part's bytes are only valid during the call.
/// </summary>
internal sealed class SnapshotPartsWriteStream(int partBytes, Action<int, ArraySegment<byte>> writePart) : Stream
{
    private readonly byte[] _buffer = new byte[partBytes];
    private int _used;
    private int _part;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var n = Math.Min(buffer.Length, _buffer.Length - _used);
            buffer[..n].CopyTo(_buffer.AsSpan(_used));
            _used += n;
            _length += n;
            buffer = buffer[n..];
            if (_used == _buffer.Length)
            {
                Flush();
            }
        }
    }

    /// <summary>Hands what is buffered over as the next part.</summary>
    public override void Flush()
    {
        if (_used == 0)
        {
            return;
        }

        writePart(_part++, new ArraySegment<byte>(_buffer, 0, _used));
        _used = 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
