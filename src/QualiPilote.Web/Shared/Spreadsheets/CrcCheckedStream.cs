using System.IO.Compression;
using System.IO.Hashing;

namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>Reads one entry of a ZIP archive and, at its end, checks that what was read has the size and the CRC-32 the
/// archive declares: .NET's reader stops at the declared size but checks neither, so a damaged or altered entry would
/// otherwise be read as if sound.</summary>
internal sealed class CrcCheckedStream(ZipArchiveEntry entry) : Stream
{
    private readonly Stream _inner = entry.Open();
    private readonly Crc32 _crc = new();
    private long _read;
    private bool _verified;

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw Damaged(e);
        }
        if (read == 0)
        {
            Verify();
            return 0;
        }
        _crc.Append(buffer[..read]);
        _read += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads what is left (an XML reader stops at its root's end tag) and checks size and CRC.</summary>
    public void VerifyToEnd()
    {
        var buffer = new byte[1 << 14];
        while (Read(buffer) > 0)
        {
        }
    }

    private void Verify()
    {
        if (_verified)
        {
            return;
        }
        _verified = true;
        if (_read != entry.Length || _crc.GetCurrentHashAsUInt32() != entry.Crc32)
        {
            throw Damaged(null);
        }
    }

    private UnreadableFileException Damaged(Exception? inner) =>
        new($"le classeur est endommagé : la partie « {entry.FullName} » ne correspond pas à son contrôle d'intégrité (fichier altéré ou incomplet).", inner);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => entry.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
