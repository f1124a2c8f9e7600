using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Reads a register file row by row without loading it: CSV (";" or "," separated, UTF-8 or Windows-1252 as French
/// Excel writes it) or the first sheet of an XLSX workbook. The first row is the header; columns are found by their
/// normalised name, so "Reçu le", "recu_le" and "RECU LE" are the same column.</summary>
public sealed class RegisterFile : IDisposable
{
    private readonly IEnumerator<string?[]> _rows;
    private readonly IDisposable? _owned;
    private int _line;

    public List<string> Header { get; }

    /// <summary>Line number (1 = header) of the last row returned.</summary>
    public int Line => _line;

    /// <summary>Data rows returned so far (blank rows are not counted).</summary>
    public int Rows { get; private set; }

    private RegisterFile(IEnumerable<string?[]> rows, IDisposable? owned)
    {
        _owned = owned;
        _rows = rows.GetEnumerator();
        Header = _rows.MoveNext() ? _rows.Current.Select(TextKey.Normalize).ToList() : [];
        _line = 1;
    }

    public static bool IsExcel(string fileName) => Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the file; throws <see cref="InvalidDataException"/> with a French message when it cannot be read at all.</summary>
    public static RegisterFile Open(Stream stream, string fileName)
    {
        if (IsExcel(fileName))
        {
            try
            {
                var rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                    .Cast<IDictionary<string, object?>>()
                    .Select(row => row.Values.Select(CellText).ToArray());
                return new RegisterFile(rows, null);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or System.Xml.XmlException)
            {
                throw new InvalidDataException("ce fichier n'est pas un classeur Excel (.xlsx) lisible.", e);
            }
        }
        var reader = new StreamReader(stream, FrenchText.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
        };
        var parser = new CsvParser(reader, configuration);
        return new RegisterFile(ReadCsv(parser), new CompositeDisposable(parser, reader));
    }

    /// <summary>Opens the file for an import; when it cannot be read at all, adds the French reason on line 1 and returns null.</summary>
    public static RegisterFile? TryOpen(Stream stream, string fileName, ImportErrors errors)
    {
        try
        {
            return Open(stream, fileName);
        }
        catch (InvalidDataException e)
        {
            errors.Add(1, "fichier", e.Message);
            return null;
        }
    }

    private static IEnumerable<string?[]> ReadCsv(CsvParser parser)
    {
        while (parser.Read())
        {
            yield return parser.Record ?? [];
        }
    }

    /// <summary>The index of a column, by any of its accepted names, or -1.</summary>
    public int Column(params string[] names)
    {
        foreach (var name in names)
        {
            var index = Header.IndexOf(name);
            if (index >= 0)
            {
                return index;
            }
        }
        return -1;
    }

    /// <summary>Adds an error on line 1 for each required column the header lacks (<paramref name="expected"/>: the header
    /// the user should write); true when none is missing.</summary>
    public bool HasColumns(ImportErrors errors, string expected, params ReadOnlySpan<(int Index, string Name)> required)
    {
        var missing = false;
        foreach (var (index, name) in required)
        {
            if (index < 0)
            {
                errors.Add(1, name, $"colonne obligatoire absente de l'en-tête (attendu : {expected}, trouvé : {string.Join(";", Header)}).");
                missing = true;
            }
        }
        return !missing;
    }

    /// <summary>The next data row, blank rows skipped; null at the end.</summary>
    public string?[]? Next()
    {
        while (_rows.MoveNext())
        {
            _line++;
            var row = _rows.Current;
            if (row.Any(cell => !string.IsNullOrWhiteSpace(cell)))
            {
                Rows++;
                return row;
            }
        }
        return null;
    }

    public static string? Cell(string?[] row, int index) =>
        index >= 0 && index < row.Length && !string.IsNullOrWhiteSpace(row[index]) ? row[index]!.Trim() : null;

    /// <summary>A count (visitors, calls): a whole number, French thousands separators allowed; null after adding the error.</summary>
    public static int? Count(string?[] row, int index, int line, string field, ImportErrors errors)
    {
        var text = Cell(row, index)?.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }
        errors.Add(line, field, text is null ? "le nombre est obligatoire." : $"« {text} » : un nombre entier positif est attendu.");
        return null;
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public void Dispose()
    {
        _rows.Dispose();
        _owned?.Dispose();
    }

    private sealed class CompositeDisposable(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}

/// <summary>Text as French offices save it: UTF-8 (with or without BOM), or Windows-1252 from Excel's "CSV (séparateur : point-virgule)".
/// Decoding is UTF-8, and any byte sequence that is not valid UTF-8 is read as Windows-1252, so both kinds (and a file
/// mixing them) read right while streaming, without guessing from the first bytes.</summary>
public static class FrenchText
{
    public static readonly Encoding Windows1252 = LoadWindows1252();

    public static readonly Encoding Encoding = System.Text.Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new AnsiFallback());

    private static Encoding LoadWindows1252()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    private sealed class AnsiFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private char[] _chars = [];
            private int _position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _chars = Windows1252.GetChars(bytesUnknown);
                _position = 0;
                return true;
            }

            public override char GetNextChar() => _position < _chars.Length ? _chars[_position++] : '\0';

            public override bool MovePrevious()
            {
                if (_position == 0)
                {
                    return false;
                }
                _position--;
                return true;
            }

            public override int Remaining => _chars.Length - _position;

            public override void Reset()
            {
                _chars = [];
                _position = 0;
            }
        }
    }
}
