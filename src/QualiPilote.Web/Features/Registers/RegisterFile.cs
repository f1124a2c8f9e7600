using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Reads a register file row by row without loading it: CSV (";" or "," separated, UTF-8 or Windows-1252 as French
/// Excel writes it) or the first sheet of an XLSX workbook. The first row is the header; columns are found by their
/// normalised name, so "Reçu le", "recu_le" and "RECU LE" are the same column. The reading is bounded by
/// <see cref="SpreadsheetLimits.Registers"/> and stops at the first bound crossed or damage met, as an error of the file.</summary>
public sealed class RegisterFile : IDisposable
{
    private static readonly SpreadsheetLimits Limits = SpreadsheetLimits.Registers;

    private readonly IEnumerator<(int Line, string?[] Cells)> _rows;
    private readonly IDisposable? _owned;
    private int _line;

    public List<string> Header { get; }

    /// <summary>Line number (1 = header) of the last row returned.</summary>
    public int Line => _line;

    /// <summary>Data rows returned so far (blank rows are not counted).</summary>
    public int Rows { get; private set; }

    private RegisterFile(IEnumerable<(int Line, string?[] Cells)> rows, IDisposable? owned)
    {
        _owned = owned;
        _rows = rows.GetEnumerator();
        Header = _rows.MoveNext() ? _rows.Current.Cells.Select(TextKey.Normalize).ToList() : [];
        _line = 1;
        if (Header.Count > Limits.MaxColumns)
        {
            throw new UnreadableFileException($"l'en-tête compte plus de {Limits.MaxColumns} colonnes, le plus qu'un registre peut avoir.") { Line = 1 };
        }
    }

    public static bool IsExcel(string fileName) => Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the file; throws <see cref="UnreadableFileException"/> with a French message when it cannot be read at all.</summary>
    public static RegisterFile Open(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        if (IsExcel(fileName))
        {
            var workbook = XlsxReader.Open(stream, Limits);
            try
            {
                return new RegisterFile(workbook.Rows(cancellationToken), workbook);
            }
            catch
            {
                workbook.Dispose();
                throw;
            }
        }
        var decoded = new StreamReader(stream, FrenchText.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        TextReader reader;
        string delimiter;
        try
        {
            (reader, delimiter) = HeaderDelimiter.Read(decoded);
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            MaxFieldSize = Limits.MaxCellChars,
        };
        var parser = new CsvParser(reader, configuration);
        try
        {
            return new RegisterFile(ReadCsv(parser, cancellationToken), new CompositeDisposable(parser, reader));
        }
        catch (CsvHelperException e)
        {
            parser.Dispose();
            reader.Dispose();
            throw Unreadable(e, 1);
        }
        catch
        {
            parser.Dispose();
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file for an import; when it cannot be read at all, adds the French reason on line 1 and returns null.</summary>
    public static RegisterFile? TryOpen(Stream stream, string fileName, ImportErrors errors, CancellationToken cancellationToken = default)
    {
        try
        {
            return Open(stream, fileName, cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            errors.Add(e.Line ?? 1, "fichier", e.Message);
            return null;
        }
    }

    private static IEnumerable<(int Line, string?[] Cells)> ReadCsv(CsvParser parser, CancellationToken cancellationToken)
    {
        var line = 0;
        while (parser.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A row keeps only the columns a register can have: a line of a million separators costs no more than a normal one.
            var count = Math.Min(parser.Count, Limits.MaxColumns + 1);
            var cells = new string?[count];
            for (var i = 0; i < count; i++)
            {
                cells[i] = parser[i];
            }
            yield return (++line, cells);
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
                errors.Add(1, name, $"colonne obligatoire absente de l'en-tête (attendu : {expected}, trouvé : {Fr.Shorten(string.Join(";", Header), 200)}).");
                missing = true;
            }
        }
        return !missing;
    }

    /// <summary>The next data row, blank rows skipped; null at the end, or when the file cannot be read further: then the reason
    /// is in <paramref name="errors"/>, so that an import never takes a damaged file's first rows for the whole file.</summary>
    public string?[]? Next(ImportErrors errors)
    {
        try
        {
            while (_rows.MoveNext())
            {
                var (line, row) = _rows.Current;
                _line = line;
                if (Array.TrueForAll(row, string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (++Rows > Limits.MaxRows)
                {
                    errors.Add(line, "fichier", $"le fichier compte plus de {Fr.Number(Limits.MaxRows)} lignes : découpez-le (par année, par exemple).");
                    return null;
                }
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = FormulaGuard.Restore(row[i]);
                    if (row[i]?.Contains('\uFFFD', StringComparison.Ordinal) == true)
                    {
                        var column = i < Header.Count && Header[i].Length > 0 ? Header[i] : "fichier";
                        errors.Add(line, column, $"« {Fr.Shorten(row[i]!, 40)} » contient un caractère illisible (\uFFFD) : le fichier n'est pas dans un encodage lisible (enregistrez-le en UTF-8).");
                    }
                }
                return row;
            }
        }
        catch (UnreadableFileException e)
        {
            errors.Add(e.Line ?? _line + 1, "fichier", e.Message);
        }
        catch (CsvHelperException e)
        {
            errors.Add(_line + 1, "fichier", Unreadable(e, _line + 1).Message);
        }
        return null;
    }

    private static UnreadableFileException Unreadable(CsvHelperException e, int line) => e is MaxFieldSizeException
        ? new UnreadableFileException($"ligne {line} : une cellule dépasse {Fr.Number(Limits.MaxCellChars)} caractères.", e) { Line = line }
        : new UnreadableFileException($"ligne {line} : le fichier CSV est illisible à partir de cette ligne.", e) { Line = line };

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
