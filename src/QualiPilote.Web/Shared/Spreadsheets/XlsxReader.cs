using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>Reads the first sheet of an XLSX workbook row by row, as text, within <see cref="SpreadsheetLimits"/>
/// (docs/adr/0013-bounded-file-reading.md). The archive is checked before any content is trusted (duplicate or encrypted
/// parts, declared sizes) and each part's size and CRC-32 are checked as it is read; date and date-time cells are given as
/// ISO text (2026-11-23, 2026-11-23T14:05:00) so that importers read them like typed dates. Every failure is an
/// <see cref="UnreadableFileException"/> with a French message: a damaged file is the file's fault, never the app's.</summary>
public sealed class XlsxReader : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Built-in number formats that show dates or times (ECMA-376 §18.8.30).
    private static readonly HashSet<int> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

    private readonly ZipArchive _zip;
    private readonly SpreadsheetLimits _limits;
    private readonly List<string> _sharedStrings;
    private readonly DateStyle[] _dateStyles;
    private readonly bool _date1904;
    private readonly ZipArchiveEntry _sheet;

    private XlsxReader(ZipArchive zip, SpreadsheetLimits limits)
    {
        _zip = zip;
        _limits = limits;
        CheckArchive();
        var (sheet, sharedStrings, styles, date1904) = Locate();
        _sheet = sheet;
        _date1904 = date1904;
        _sharedStrings = sharedStrings is null ? [] : ReadSharedStrings(sharedStrings);
        _dateStyles = styles is null ? [] : ReadDateStyles(styles);
        HasSharedStrings = sharedStrings is not null;
    }

    private bool HasSharedStrings { get; }

    /// <summary>Opens a workbook from a seekable stream; throws <see cref="UnreadableFileException"/> when it is not a readable,
    /// sound XLSX within the limits.</summary>
    public static XlsxReader Open(Stream stream, SpreadsheetLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw new UnreadableFileException("ce fichier n'est pas un classeur Excel (.xlsx) lisible.", e);
        }
        try
        {
            return new XlsxReader(zip, limits);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>The rows of the first sheet, each with its line number (Excel's row number) and its cells from column A
    /// to the last one holding a value; rows the sheet leaves out come as empty rows, so that line numbers stay Excel's.</summary>
    public IEnumerable<(int Line, string?[] Cells)> Rows(CancellationToken cancellationToken = default)
    {
        using var stream = new CrcCheckedStream(_sheet);
        using var xml = XmlReader.Create(stream, XmlSettings);
        var line = 0;
        while (Next(xml, _sheet))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row" || xml.NamespaceURI != Main)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var number = xml.GetAttribute("r") is { } r ? RowNumber(r, line) : line + 1;
            if (number > _limits.MaxRows)
            {
                throw new UnreadableFileException($"le classeur compte plus de {Fr.Number(_limits.MaxRows)} lignes : c'est le plus qu'un import accepte.") { Line = number };
            }
            while (++line < number)
            {
                yield return (line, []);
            }
            yield return (line, ReadRow(xml, line));
        }
        stream.VerifyToEnd();
    }

    public void Dispose() => _zip.Dispose();

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private void CheckArchive()
    {
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = _zip.Entries;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new UnreadableFileException("ce fichier n'est pas un classeur Excel (.xlsx) lisible : son sommaire d'archive est endommagé.", e);
        }
        if (entries.Count > _limits.MaxEntries)
        {
            throw new UnreadableFileException($"le classeur contient {Fr.Number(entries.Count)} parties : {Fr.Number(_limits.MaxEntries)} au plus.");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in entries)
        {
            if (!names.Add(entry.FullName))
            {
                throw new UnreadableFileException($"le classeur est endommagé : la partie « {entry.FullName} » y figure deux fois.");
            }
            if (entry.IsEncrypted)
            {
                throw new UnreadableFileException("le classeur est protégé par un mot de passe : enregistrez-le sans protection pour l'importer.");
            }
            total += entry.Length;
            if (entry.Length < 0 || total > _limits.MaxUncompressedBytes)
            {
                throw new UnreadableFileException($"le classeur se décompresse en plus de {SpreadsheetLimits.Megabytes(_limits.MaxUncompressedBytes)} : "
                    + "c'est le plus que cet import accepte.");
            }
            if (entry.Length >= _limits.RatioCheckedFromBytes && entry.Length > (long)_limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new UnreadableFileException($"le classeur est anormalement compressé : la partie « {entry.FullName} » se décompresse "
                    + $"{Fr.Number(entry.Length / Math.Max(1, entry.CompressedLength))} fois ({SpreadsheetLimits.Megabytes(entry.Length)}), "
                    + $"un tableur n'écrit pas cela ({_limits.MaxCompressionRatio} fois au plus). Enregistrez le fichier à nouveau depuis votre tableur.");
            }
        }
    }

    /// <summary>Finds the first sheet, the shared strings and the styles through the workbook's relationships, with the
    /// usual names as a fallback for files written by tools that skip them.</summary>
    private (ZipArchiveEntry Sheet, ZipArchiveEntry? SharedStrings, ZipArchiveEntry? Styles, bool Date1904) Locate()
    {
        string? sheetId = null;
        var date1904 = false;
        if (Entry("xl/workbook.xml") is { } workbook)
        {
            ReadPart(workbook, xml =>
            {
                while (Next(xml, workbook))
                {
                    if (xml.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }
                    if (xml.LocalName == "workbookPr")
                    {
                        date1904 = xml.GetAttribute("date1904") is "1" or "true";
                    }
                    else if (xml.LocalName == "sheet" && sheetId is null)
                    {
                        sheetId = xml.GetAttribute("id", OfficeRelationships);
                    }
                }
            });
        }
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        string? sharedStrings = null, styles = null;
        if (Entry("xl/_rels/workbook.xml.rels") is { } relationships)
        {
            ReadPart(relationships, xml =>
            {
                while (Next(xml, relationships))
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Target") is { } target)
                    {
                        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
                        var type = xml.GetAttribute("Type") ?? "";
                        targets[xml.GetAttribute("Id") ?? ""] = path;
                        sharedStrings = type.EndsWith("/sharedStrings", StringComparison.Ordinal) ? path : sharedStrings;
                        styles = type.EndsWith("/styles", StringComparison.Ordinal) ? path : styles;
                    }
                }
            });
        }
        var sheet = (sheetId is not null && targets.TryGetValue(sheetId, out var sheetPath) ? Entry(sheetPath) : null)
            ?? Entry("xl/worksheets/sheet1.xml")
            ?? throw new UnreadableFileException("le classeur ne contient aucune feuille lisible.");
        var strings = Entry(sharedStrings ?? "xl/sharedStrings.xml");
        if (strings is not null && strings.Length > _limits.MaxSharedStringsBytes)
        {
            throw new UnreadableFileException($"la table des textes du classeur (xl/sharedStrings.xml) dépasse {SpreadsheetLimits.Megabytes(_limits.MaxSharedStringsBytes)} une fois décompressée.");
        }
        return (sheet, strings, Entry(styles ?? "xl/styles.xml"), date1904);
    }

    private ZipArchiveEntry? Entry(string path)
    {
        var normalized = path.Replace('\\', '/');
        return _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, normalized, StringComparison.OrdinalIgnoreCase));
    }

    private List<string> ReadSharedStrings(ZipArchiveEntry part)
    {
        var strings = new List<string>();
        ReadPart(part, xml =>
        {
            while (Next(xml, part))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.NamespaceURI == Main)
                {
                    strings.Add(ReadText(xml, part, line: null));
                }
            }
        });
        return strings;
    }

    /// <summary>Which cell styles show a date or a date and time, by the index of each <c>cellXfs/xf</c>.</summary>
    private enum DateStyle : byte
    {
        None,
        Date,
        DateTime,
    }

    private static DateStyle[] ReadDateStyles(ZipArchiveEntry part)
    {
        var customDates = new Dictionary<int, DateStyle>();
        var styles = new List<DateStyle>();
        ReadPart(part, xml =>
        {
            var inCellFormats = false;
            while (Next(xml, part))
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                {
                    inCellFormats = false;
                }
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                switch (xml.LocalName)
                {
                    case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id):
                        customDates[id] = DateStyleOf(xml.GetAttribute("formatCode"));
                        break;
                    case "cellXfs":
                        inCellFormats = !xml.IsEmptyElement;
                        break;
                    case "xf" when inCellFormats:
                        var format = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                        styles.Add(customDates.TryGetValue(format, out var custom) ? custom
                            : BuiltInDateFormats.Contains(format) ? (format is 14 or 15 or 16 or 17 ? DateStyle.Date : DateStyle.DateTime)
                            : DateStyle.None);
                        break;
                }
            }
        });
        return [.. styles];
    }

    /// <summary>A custom format shows a date when it uses day, month or year codes outside quoted text and brackets ("[Red]",
    /// "[$-40C]"), and a time too with hour or second codes: "dd/mm/yyyy" is a date, "dd/mm/yyyy hh:mm" a date and time,
    /// "0.00 €" and "\"m²\" 0" are neither.</summary>
    private static DateStyle DateStyleOf(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return DateStyle.None;
        }
        var style = DateStyle.None;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                default:
                    if (!quoted && !bracket && char.ToLowerInvariant(c) is 'h' or 's')
                    {
                        return DateStyle.DateTime;
                    }
                    if (!quoted && !bracket && char.ToLowerInvariant(c) is 'd' or 'm' or 'y')
                    {
                        style = DateStyle.Date;
                    }
                    break;
            }
        }
        return style;
    }

    private string?[] ReadRow(XmlReader xml, int line)
    {
        if (xml.IsEmptyElement)
        {
            return [];
        }
        var cells = new string?[Math.Min(16, _limits.MaxColumns)];
        var width = 0;
        var next = 0;
        var depth = xml.Depth;
        while (Next(xml, _sheet) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }
            var column = xml.GetAttribute("r") is { } reference ? ColumnOf(reference, line) : next;
            next = column + 1;
            var value = ReadCell(xml, line);
            if (value is null)
            {
                continue;
            }
            if (column >= _limits.MaxColumns)
            {
                throw new UnreadableFileException($"ligne {line} : une valeur figure en colonne {ColumnName(column)} ({Fr.Number(column + 1)}e colonne) ; "
                    + $"un import lit au plus {_limits.MaxColumns} colonnes.")
                { Line = line };
            }
            if (column >= cells.Length)
            {
                Array.Resize(ref cells, Math.Min(_limits.MaxColumns, Math.Max(cells.Length * 2, column + 1)));
            }
            cells[column] = value;
            width = Math.Max(width, column + 1);
        }
        return width == cells.Length ? cells : cells[..width];
    }

    /// <summary>The text of the cell the reader is on, or null when it holds nothing.</summary>
    private string? ReadCell(XmlReader xml, int line)
    {
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (xml.IsEmptyElement)
        {
            return null;
        }
        string? raw = null;
        var depth = xml.Depth;
        while (Next(xml, _sheet) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (xml.LocalName == "v")
            {
                raw = ReadText(xml, _sheet, line);
            }
            else if (xml.LocalName == "is")
            {
                raw = ReadText(xml, _sheet, line);
            }
        }
        if (raw is null)
        {
            return null;
        }
        return type switch
        {
            "s" => SharedString(raw, line),
            "inlineStr" or "str" or "e" => raw,
            "b" => raw == "1" ? "oui" : "non",
            "d" => raw,
            _ when style < _dateStyles.Length && _dateStyles[style] != DateStyle.None => DateText(raw, _dateStyles[style]),
            _ => raw,
        };
    }

    private string SharedString(string index, int line)
    {
        if (!HasSharedStrings)
        {
            throw new UnreadableFileException($"le classeur est endommagé : la ligne {line} renvoie à la table des textes (xl/sharedStrings.xml), absente du fichier.") { Line = line };
        }
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= _sharedStrings.Count)
        {
            throw new UnreadableFileException($"le classeur est endommagé : la ligne {line} renvoie au texte n° {index}, absent de la table des textes (xl/sharedStrings.xml).") { Line = line };
        }
        return _sharedStrings[i];
    }

    /// <summary>An Excel date serial as ISO text; a number outside Excel's calendar is left as it is, for the importer to refuse.</summary>
    private string DateText(string raw, DateStyle style)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 0 || serial > 2_958_465)
        {
            return raw;
        }
        var date = DateTime.FromOADate(serial + (_date1904 ? 1462 : 0));
        // The serial keeps the time of day in its fraction: rounded to the second, as Excel shows it.
        date = new DateTime((long)Math.Round(date.Ticks / (double)TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond);
        return style == DateStyle.Date && date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>The text of the element the reader is on: a cell value (<c>v</c>), or the <c>t</c> runs of an inline or shared
    /// string, phonetic runs left out; read in chunks, so that a 2 GiB value stops at the limit instead of filling memory.</summary>
    private string ReadText(XmlReader xml, ZipArchiveEntry part, int? line)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }
        var text = new StringBuilder();
        var buffer = new char[4096];
        var depth = xml.Depth;
        var direct = xml.LocalName == "v";
        var inRun = false;
        var phonetic = false;
        while (Next(xml, part) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "rPh":
                    phonetic = !xml.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "rPh":
                    phonetic = false;
                    break;
                case XmlNodeType.Element when xml.LocalName == "t":
                    inRun = !xml.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "t":
                    inRun = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when (direct || inRun) && !phonetic:
                    AppendChunks(xml, text, buffer, part, line);
                    break;
            }
        }
        return text.ToString();
    }

    private void AppendChunks(XmlReader xml, StringBuilder text, char[] buffer, ZipArchiveEntry part, int? line)
    {
        try
        {
            int read;
            while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                if (text.Length + read > _limits.MaxCellChars)
                {
                    var where = line is { } l ? $"ligne {l} : une cellule" : "un texte du classeur";
                    throw new UnreadableFileException($"{where} dépasse {Fr.Number(_limits.MaxCellChars)} caractères, le plus qu'une cellule Excel peut contenir.") { Line = line };
                }
                text.Append(buffer, 0, read);
            }
        }
        catch (XmlException e)
        {
            throw Damaged(part, e);
        }
    }

    private static void ReadPart(ZipArchiveEntry part, Action<XmlReader> read)
    {
        using var stream = new CrcCheckedStream(part);
        using (var xml = XmlReader.Create(stream, XmlSettings))
        {
            read(xml);
        }
        stream.VerifyToEnd();
    }

    private static bool Next(XmlReader xml, ZipArchiveEntry part)
    {
        try
        {
            return xml.Read();
        }
        catch (XmlException e)
        {
            throw Damaged(part, e);
        }
    }

    private static UnreadableFileException Damaged(ZipArchiveEntry part, XmlException e) =>
        new($"le classeur est endommagé : la partie « {part.FullName} » n'est pas du XML valide (ligne {e.LineNumber}, position {e.LinePosition}).", e);

    private int RowNumber(string text, int previous)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > previous)
        {
            return number;
        }
        throw new UnreadableFileException($"le classeur est endommagé : la ligne « {text} » de la feuille suit la ligne {previous}.") { Line = previous + 1 };
    }

    /// <summary>The zero-based column of a cell reference such as "B12" or "XFD1".</summary>
    private static int ColumnOf(string reference, int line)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = column * 26 + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }
        if (letters is 0 or > 3)
        {
            throw new UnreadableFileException($"le classeur est endommagé : la cellule « {Fr.Shorten(reference, 20)} » de la ligne {line} n'a pas une référence valide.") { Line = line };
        }
        return column - 1;
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }
}
