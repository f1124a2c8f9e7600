using System.IO.Compression;
using System.Security;
using System.Text;

namespace QualiPilote.Tests.Infrastructure;

/// <summary>Writes XLSX workbooks part by part, so that tests can hand the app what spreadsheets write (shared strings, date
/// styles) and what a damaged or hostile file holds (a missing part, a part twice, an altered byte, a cell at column XFD).</summary>
public sealed class WorkbookBuilder
{
    private readonly List<(string Name, byte[] Content, CompressionLevel Level)> _parts = [];

    public const string DateStyle = "1";
    public const string DateTimeStyle = "2";
    public const string MonthStyle = "3";

    /// <summary>A sound workbook with one sheet holding <paramref name="sheetData"/> (the inner XML of sheetData) and the
    /// given shared strings; styles: 1 = dd/mm/yyyy, 2 = dd/mm/yyyy hh:mm, 3 = mm/yyyy.</summary>
    public static WorkbookBuilder Standard(string sheetData, IEnumerable<string>? sharedStrings = null, string? dimension = null)
    {
        var builder = new WorkbookBuilder();
        builder.Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        builder.Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        builder.Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Registre" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        builder.Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        builder.Add("xl/styles.xml", """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/><numFmt numFmtId="165" formatCode="mm/yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        var strings = sharedStrings?.ToList() ?? [];
        builder.Add("xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings.Count}" uniqueCount="{strings.Count}">{string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"))}</sst>""");
        builder.Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{(dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>")}<sheetData>{sheetData}</sheetData></worksheet>""");
        return builder;
    }

    /// <summary>A row of inline-string cells from column A.</summary>
    public static string Row(int number, params string[] cells) =>
        $"<row r=\"{number}\">{string.Concat(cells.Select((c, i) => $"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(c)}</t></is></c>"))}</row>";

    public WorkbookBuilder Add(string name, string content, CompressionLevel level = CompressionLevel.Optimal) => Add(name, Encoding.UTF8.GetBytes(content), level);

    public WorkbookBuilder Add(string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        _parts.Add((name, content, level));
        return this;
    }

    public WorkbookBuilder Remove(string name)
    {
        _parts.RemoveAll(p => p.Name == name);
        return this;
    }

    public WorkbookBuilder Replace(string name, string content) => Remove(name).Add(name, content);

    public byte[] Build()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in _parts)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }
        return file.ToArray();
    }
}
