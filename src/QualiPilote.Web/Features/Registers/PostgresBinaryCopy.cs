using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Rows for <c>COPY … FROM STDIN (FORMAT BINARY)</c>, encoded here and sent through Npgsql's raw binary copy stream.
/// Npgsql's own binary importer resolves a converter for every value: on a two-core host that was half of the app's
/// processor time during a large import, taken from the server's COPY on the other core; encoding the few types of the
/// register into a buffer costs a small fraction of it (figures: bench/README.md, « Import of 1,000,000 rows », at c7efc10,
/// and docs/adr/0011-register-imports.md). The format is PostgreSQL's documented binary COPY format ("COPY", section "Binary
/// Format"): a signature, then per row a 16-bit field count and, per field, a 32-bit length (-1 for NULL) and the value in
/// network byte order; dates are days since 2000-01-01, text is UTF-8 (Npgsql's client encoding).</summary>
internal sealed class PostgresBinaryCopy : IAsyncDisposable
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0,
        0, 0, 0, 0, // flags
        0, 0, 0, 0]; // header extension length
    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;
    /// <summary>Room a row may need: ten fields, the longest a reference of 60 characters of up to 4 UTF-8 bytes.</summary>
    private const int RowRoom = 1024;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _position;
    private bool _ended;

    private PostgresBinaryCopy(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        Signature.CopyTo(_buffer, 0);
        _position = Signature.Length;
    }

    public static async Task<PostgresBinaryCopy> BeginAsync(NpgsqlConnection connection, string copyFromStdin, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync(copyFromStdin, cancellationToken));

    /// <summary>Starts a row of <paramref name="fields"/> values, sending the buffer first when it is nearly full.</summary>
    public async ValueTask StartRowAsync(short fields, CancellationToken cancellationToken)
    {
        if (_position > _buffer.Length - RowRoom)
        {
            await FlushAsync(cancellationToken);
        }
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), fields);
        _position += 2;
    }

    public void Integer(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position + 4), value);
        _position += 8;
    }

    public void Date(DateOnly value) => Integer(value.DayNumber - PostgresEpoch);

    public void Date(DateOnly? value)
    {
        if (value is { } date)
        {
            Date(date);
            return;
        }
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), -1);
        _position += 4;
    }

    public void Boolean(bool value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 1);
        _buffer[_position + 4] = value ? (byte)1 : (byte)0;
        _position += 5;
    }

    public void Text(string value)
    {
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), length);
        _position += 4 + length;
    }

    /// <summary>Sends the end marker and ends the COPY; the server's error, if any (a duplicate key), is thrown here.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), -1);
        _position += 2;
        await FlushAsync(cancellationToken);
        _ended = true;
        await _stream.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(_buffer.AsMemory(0, _position), cancellationToken);
        _position = 0;
    }

    /// <summary>A COPY left without <see cref="CompleteAsync"/> (a bad file, an error) is cancelled, never committed:
    /// disposing Npgsql's raw stream alone would end it as if complete.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ended)
        {
            return;
        }
        _ended = true;
        try
        {
            await _stream.CancelAsync();
        }
        finally
        {
            await _stream.DisposeAsync();
        }
    }
}
