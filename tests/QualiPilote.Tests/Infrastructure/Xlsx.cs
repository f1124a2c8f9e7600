using System.IO.Compression;
using System.Xml.Linq;

namespace QualiPilote.Tests.Infrastructure;

/// <summary>Reads the cells of an XLSX workbook the app wrote, as the raw text of each cell (numbers and dates as their
/// stored number), straight from its XML parts: the tests check the file, not what a reading library makes of it.</summary>
public static class Xlsx
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Every sheet in workbook order; every row as its cells from column A to the last one holding a value.</summary>
    public static List<List<string?[]>> Sheets(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        XDocument Part(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] : Part("xl/sharedStrings.xml").Root!.Elements(Main + "si")
            .Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();
        var targets = Part("xl/_rels/workbook.xml.rels").Root!.Elements(PackageRelationships + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        return Part("xl/workbook.xml").Root!.Element(Main + "sheets")!.Elements(Main + "sheet")
            .Select(s => targets[(string)s.Attribute(Relationships + "id")!].TrimStart('/'))
            .Select(target => target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target)
            .Select(path => Part(path).Descendants(Main + "row").Select(row => Row(row, shared)).ToList())
            .ToList();
    }

    private static string?[] Row(XElement row, List<string> shared)
    {
        var cells = new SortedDictionary<int, string?>();
        var next = 0;
        foreach (var c in row.Elements(Main + "c"))
        {
            var column = c.Attribute("r") is { } r ? Column((string)r) : next;
            next = column + 1;
            var type = (string?)c.Attribute("t");
            var value = type switch
            {
                "s" => shared[int.Parse(c.Element(Main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                _ => c.Element(Main + "v")?.Value,
            };
            cells[column] = value;
        }
        var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
        return Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i)).ToArray();
    }

    private static int Column(string reference)
    {
        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            column = column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return column - 1;
    }
}
