using System.Security.Cryptography;

namespace QualiPilote.Web.Features.Registers;

/// <summary>An uploaded register file, read as it arrives: every byte read is hashed (the SHA-256 kept with the batch) and, when
/// the upload cannot seek (a request streamed by the API), copied to a temporary file. An import thus reads the file while it
/// is still coming in, and can still read it again from the start. An Excel workbook, which must seek, is read through first.</summary>
public sealed class RegisterUpload : IAsyncDisposable
{
    private readonly Stream _source;
    private readonly long _start;
    private readonly FileStream? _spool;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _sha256;

    private RegisterUpload(Stream source)
    {
        _source = source;
        if (source.CanSeek)
        {
            _start = source.Position;
        }
        else
        {
            _spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
        Content = new Tee(this);
    }

    /// <summary>The file from its start, for the first reading.</summary>
    public Stream Content { get; private set; }

    public static async Task<RegisterUpload> OpenAsync(Stream source, string fileName, CancellationToken cancellationToken)
    {
        var upload = new RegisterUpload(source);
        if (RegisterFile.IsExcel(fileName))
        {
            upload.Content = await upload.RereadAsync(cancellationToken);
        }
        return upload;
    }

    /// <summary>Reads what is left of the upload (the first reading may stop early) and answers the file's SHA-256.</summary>
    public async Task<string> Sha256Async(CancellationToken cancellationToken)
    {
        if (_sha256 is null)
        {
            var buffer = new byte[1 << 16];
            var tee = new Tee(this);
            while (await tee.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
            _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }
        return _sha256;
    }

    /// <summary>The whole file again, from its start.</summary>
    public async Task<Stream> RereadAsync(CancellationToken cancellationToken)
    {
        await Sha256Async(cancellationToken);
        var file = _spool ?? _source;
        file.Position = _spool is null ? _start : 0;
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        _hash.Dispose();
        if (_spool is not null)
        {
            await _spool.DisposeAsync();
        }
    }

    private void Took(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        _spool?.Write(bytes);
    }

    /// <summary>Reads the source forward, passing every byte to the hash and the spool.</summary>
    private sealed class Tee(RegisterUpload upload) : Stream
    {
        public override int Read(Span<byte> buffer)
        {
            var read = upload._source.Read(buffer);
            upload.Took(buffer[..read]);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await upload._source.ReadAsync(buffer, cancellationToken);
            upload.Took(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
