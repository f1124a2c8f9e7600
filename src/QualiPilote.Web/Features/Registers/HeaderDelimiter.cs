using System.Text;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Finds a CSV register's separator (";" as French Excel writes it, "," or a tab) from its header line, read once and
/// bounded. CsvHelper's own detection scans its whole buffer again each time the buffer grows, so a first line of three
/// megabytes cost minutes of processor time; a header is a few hundred characters.</summary>
public static class HeaderDelimiter
{
    public const int MaxHeaderChars = 1 << 16;

    private static readonly string[] Separators = [";", ",", "\t"];

    /// <summary>The reader to parse (the header replayed, then the rest of the file) and the separator.</summary>
    public static (TextReader Reader, string Delimiter) Read(TextReader source)
    {
        var header = new StringBuilder();
        int c;
        while ((c = source.Read()) >= 0)
        {
            header.Append((char)c);
            if (c == '\n')
            {
                break;
            }
            if (header.Length > MaxHeaderChars)
            {
                throw new UnreadableFileException($"la première ligne dépasse {Fr.Number(MaxHeaderChars)} caractères : ce n'est pas l'en-tête d'un registre.") { Line = 1 };
            }
        }
        var text = header.ToString();
        var delimiter = Separators.MaxBy(d => Count(text, d[0]))!;
        return (new Replay(text, source), Count(text, delimiter[0]) == 0 ? ";" : delimiter);
    }

    private static int Count(string line, char separator)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            quoted ^= c == '"';
            count += !quoted && c == separator ? 1 : 0;
        }
        return count;
    }

    /// <summary>The header already read, then the rest of the source.</summary>
    private sealed class Replay(string prefix, TextReader rest) : TextReader
    {
        private int _position;

        public override int Peek() => _position < prefix.Length ? prefix[_position] : rest.Peek();

        public override int Read() => _position < prefix.Length ? prefix[_position++] : rest.Read();

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_position >= prefix.Length)
            {
                return rest.Read(buffer);
            }
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
