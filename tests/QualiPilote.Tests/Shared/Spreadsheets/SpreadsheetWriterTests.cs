using System.IO.Compression;
using System.Text;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Tests.Shared.Spreadsheets;

/// <summary>What the one writer of CSV and XLSX files guarantees: no text cell can be read as a formula, and values keep
/// their type (a negative number stays a number, a date a date).</summary>
public class SpreadsheetWriterTests
{
    private static readonly string[] Payloads = ["=HYPERLINK(\"http://x\",\"y\")", "+33 4 79 00 00 00", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];

    [Fact]
    public void Text_starting_with_a_formula_trigger_gets_an_apostrophe_and_reads_back_as_typed()
    {
        foreach (var payload in Payloads)
        {
            var safe = FormulaGuard.Neutralise(payload)!;
            Assert.Equal("'" + payload, safe);
            Assert.Equal(payload, FormulaGuard.Restore(safe));
        }
        Assert.Equal("Délai de réponse", FormulaGuard.Neutralise("Délai de réponse"));
        Assert.Equal("'quoted", FormulaGuard.Restore("'quoted"));
        Assert.Null(FormulaGuard.Neutralise(null));
    }

    [Fact]
    public async Task A_csv_neutralises_text_cells_and_keeps_numbers_and_dates_as_values()
    {
        var sheet = new Sheet("t", [new("libelle"), new("valeur"), SheetColumn.Date("jour"), new("atteint")],
            [[Payloads[0], -12.5, new DateOnly(2026, 11, 23), true], ["-", 3, null, null]]);
        using var file = new MemoryStream();
        await SpreadsheetWriter.WriteCsvAsync(file, sheet);
        var text = Encoding.UTF8.GetString(file.ToArray()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("libelle,valeur,jour,atteint", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.5,2026-11-23,oui", lines[1]);
        Assert.Equal("'-,3,,", lines[2]);
    }

    [Fact]
    public async Task An_xlsx_writes_neutralised_text_as_a_string_cell_and_a_negative_number_as_a_number()
    {
        var sheet = new Sheet("Feuille", [new("libelle"), new("valeur", 10, "0.00"), SheetColumn.Date("jour")],
            [[Payloads[0], -12.5, new DateOnly(2026, 11, 23)]]);
        using var file = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(file, [sheet, Sheet.Criteria("Filtres", [("Structure", "=1+1")])]);
        var sheets = Xlsx.Sheets(file.ToArray());
        Assert.Equal(new string?[] { "libelle", "valeur", "jour" }, sheets[0][0]);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", sheets[0][1][0]);
        Assert.Equal("-12.5", sheets[0][1][1]);
        Assert.Equal("46349", sheets[0][1][2]); // the date's serial number: a date cell, not text
        Assert.Equal(new string?[] { "Structure", "'=1+1" }, sheets[1][1]);
        using var zip = new ZipArchive(new MemoryStream(file.ToArray()));
        Assert.DoesNotContain("<x:f>", new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_body_that_cannot_seek_gets_the_whole_workbook()
    {
        using var target = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(target))
        {
            await SpreadsheetWriter.WriteXlsxAsync(forwardOnly, [new Sheet("a", [new("x")], [[1], [2]])]);
        }
        Assert.Equal(new string?[] { "x", "1", "2" }, Xlsx.Sheets(target.ToArray())[0].Select(r => r[0]));
    }

    [Fact]
    public void No_code_outside_the_shared_writer_writes_a_spreadsheet()
    {
        string[] writers = ["SaveAs(", "SaveAsAsync(", "new CsvWriter(", "MiniExcel.SaveAs", "SpreadsheetDocument.Create("];
        var offenders = SourceTree.AppFiles()
            .Where(f => !f.Path.StartsWith("Shared/Spreadsheets/", StringComparison.Ordinal))
            .Where(f => writers.Any(w => f.Text.Contains(w, StringComparison.Ordinal)))
            .Select(f => f.Path).ToList();
        Assert.True(offenders.Count == 0, "Écrivez les fichiers CSV et XLSX avec SpreadsheetWriter : " + string.Join(", ", offenders));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
