using System.IO.Compression;
using System.Text;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Shared.Spreadsheets;
using static QualiPilote.Tests.Infrastructure.WorkbookBuilder;

namespace QualiPilote.Tests.Shared.Spreadsheets;

/// <summary>The bounded XLSX reader against what spreadsheets write and what a tester sent: every damaged or hostile workbook
/// is refused with a French message, quickly, and nothing of it is taken for sound content.</summary>
public class XlsxReaderTests
{
    private static List<(int Line, string?[] Cells)> Read(byte[] workbook, SpreadsheetLimits? limits = null)
    {
        using var reader = XlsxReader.Open(new MemoryStream(workbook), limits ?? SpreadsheetLimits.Registers);
        return reader.Rows().ToList();
    }

    private static string Refusal(byte[] workbook, SpreadsheetLimits? limits = null) =>
        Assert.Throws<UnreadableFileException>(() => Read(workbook, limits)).Message;

    [Fact]
    public void Shared_strings_inline_strings_numbers_and_blank_rows_read_with_excel_line_numbers()
    {
        var workbook = Standard(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"""
            + """<row r="3"><c r="A3" t="inlineStr"><is><r><t>RE</t></r><r><t>F-1</t></r><rPh><t>フ</t></rPh></is></c><c r="C3"><v>12.5</v></c></row>""",
            ["reference", "  service  "]).Build();
        var rows = Read(workbook);
        Assert.Equal([1, 2, 3], rows.Select(r => r.Line));
        Assert.Equal(new string?[] { "reference", "  service  " }, rows[0].Cells);
        Assert.Empty(rows[1].Cells);
        Assert.Equal(new string?[] { "REF-1", null, "12.5" }, rows[2].Cells);
    }

    [Fact]
    public void Date_and_date_time_cells_read_as_iso_dates_with_their_time_of_day()
    {
        // 40612.6076388889 = 10/03/2011 14:35; 45352 = 01/03/2024 typed as a month.
        var rows = Read(Standard($"""<row r="1"><c r="A1" s="{DateTimeStyle}"><v>40612.6076388889</v></c><c r="B1" s="{DateStyle}"><v>46349</v></c><c r="C1" s="{MonthStyle}"><v>45352</v></c><c r="D1" s="{DateTimeStyle}"><v>46349</v></c><c r="E1"><v>46349</v></c></row>""").Build());
        Assert.Equal(new string?[] { "2011-03-10T14:35:00", "2026-11-23", "2024-03-01", "2026-11-23T00:00:00", "46349" }, rows[0].Cells);
    }

    [Fact]
    public void A_workbook_without_styles_reads_numbers_as_numbers()
    {
        var rows = Read(Standard("""<row r="1"><c r="A1" s="1"><v>46349</v></c></row>""").Remove("xl/styles.xml").Build());
        Assert.Equal("46349", rows[0].Cells[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<styleSheet")]
    [InlineData("<styleSheet><cellXfs><xf numFmtId=\"14\"></styleSheet>")]
    public void A_broken_styles_part_is_named_in_the_refusal(string styles)
    {
        var message = Refusal(Standard(Row(1, "a")).Replace("xl/styles.xml", styles).Build());
        Assert.Contains("« xl/styles.xml » n'est pas du XML valide", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_string_cell_without_a_shared_strings_part_is_refused_as_damaged()
    {
        var message = Refusal(Standard("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""").Remove("xl/sharedStrings.xml").Build());
        Assert.Equal("le classeur est endommagé : la ligne 1 renvoie à la table des textes (xl/sharedStrings.xml), absente du fichier.", message);
        Assert.Contains("texte n° 7", Refusal(Standard("""<row r="1"><c r="A1" t="s"><v>7</v></c></row>""", ["a"]).Build()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_present_twice_is_refused_as_damaged()
    {
        var message = Refusal(Standard(Row(1, "FX-1")).Add("xl/worksheets/sheet1.xml", "<worksheet/>").Build());
        Assert.Equal("le classeur est endommagé : la partie « xl/worksheets/sheet1.xml » y figure deux fois.", message);
    }

    [Fact]
    public void A_shared_string_longer_than_an_excel_cell_is_refused()
    {
        var message = Refusal(Standard("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""", [new string('x', 32_768)]).Build());
        Assert.Equal("un texte du classeur dépasse 32\u202f767 caractères, le plus qu'une cellule Excel peut contenir.", message.Replace('\u00a0', '\u202f'));
    }

    [Fact]
    public void A_forty_megabyte_cell_stops_at_the_cell_limit_without_reading_it_into_memory()
    {
        var cell = new string('A', 40 << 20);
        var workbook = Standard($"""<row r="1"><c r="A1" t="inlineStr"><is><t>{cell}</t></is></c></row>""").Build();
        Assert.True(workbook.Length < 1 << 20, $"{workbook.Length} octets"); // a deflate bomb: 40 MB in under 1 MB
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("ligne 1 : une cellule dépasse", Refusal(workbook, SpreadsheetLimits.Registers with { MaxCompressionRatio = int.MaxValue }), StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 << 20, "la cellule a été lue en mémoire");
    }

    [Fact]
    public void A_workbook_decompressing_beyond_the_limit_is_refused_before_it_is_read()
    {
        var limits = SpreadsheetLimits.Registers with { MaxUncompressedBytes = 1 << 20 };
        var workbook = Standard(string.Concat(Enumerable.Range(1, 30_000).Select(i => Row(i, "REF-" + i, "DCL")))).Build();
        Assert.StartsWith("le classeur se décompresse en plus de 1,0 Mo", Refusal(workbook, limits), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deflate_bomb_of_whitespace_is_refused_from_its_compression_ratio_before_it_is_read()
    {
        var workbook = Standard("").Replace("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + new string(' ', 110 << 20) + "</sheetData></worksheet>").Build();
        Assert.True(workbook.Length < 200_000, $"{workbook.Length} octets");
        var refusal = Refusal(workbook);
        Assert.StartsWith("le classeur est anormalement compressé : la partie « xl/worksheets/sheet1.xml » se décompresse", refusal, StringComparison.Ordinal);
        Assert.Contains("(110 Mo)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_sheet_a_spreadsheet_would_write_is_not_taken_for_a_bomb()
    {
        // The ratio is checked from 8 MB; checking it from 1 MB here keeps the test small with the same rule.
        var limits = SpreadsheetLimits.Registers with { RatioCheckedFromBytes = 1 << 20 };
        var rows = string.Concat(Enumerable.Range(1, 12_000).Select(i => Row(i, $"REF-{i:000000}", "DCL", "courrier", "05/01/2026", "06/01/2026", "oui")));
        var workbook = Standard(rows).Build();
        using var reader = XlsxReader.Open(new MemoryStream(workbook), limits);
        Assert.Equal(12_000, reader.Rows().Count());
    }

    [Fact]
    public void A_central_directory_claiming_four_gigabytes_is_refused()
    {
        var workbook = Standard(Row(1, "FX-1")).Build();
        PatchCentralDirectory(workbook, "xl/worksheets/sheet1.xml", offset: 24, BitConverter.GetBytes(0xFFFF_FFF0u));
        Assert.StartsWith("le classeur se décompresse en plus de 1\u00a0024 Mo", Refusal(workbook).Replace('\u202f', '\u00a0'), StringComparison.Ordinal);
    }

    [Fact]
    public void An_altered_byte_fails_the_integrity_check_instead_of_being_imported()
    {
        // A stored (uncompressed) sheet: one byte changed in place still parses as XML.
        var workbook = new WorkbookBuilder().Add("[Content_Types].xml", "<Types/>")
            .Add("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{Row(1, "reference")}{Row(2, "FX-123456")}</sheetData></worksheet>""", CompressionLevel.NoCompression)
            .Build();
        Assert.Equal("FX-123456", Read(workbook)[1].Cells[0]);
        var at = Encoding.ASCII.GetString(workbook).IndexOf("FX-123456", StringComparison.Ordinal);
        workbook[at] = (byte)'G';
        Assert.Equal("le classeur est endommagé : la partie « xl/worksheets/sheet1.xml » ne correspond pas à son contrôle d'intégrité (fichier altéré ou incomplet).", Refusal(workbook));
    }

    [Fact]
    public void An_encrypted_entry_is_refused()
    {
        var workbook = Standard(Row(1, "FX-1")).Build();
        PatchCentralDirectory(workbook, "xl/worksheets/sheet1.xml", offset: 8, [0x01, 0x00]);
        Assert.StartsWith("le classeur est protégé par un mot de passe", Refusal(workbook), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_at_column_xfd_is_refused_at_once_and_empty_far_cells_are_ignored()
    {
        var far = string.Concat(Enumerable.Range(1, 40).Select(i => $"<row r=\"{i}\"><c r=\"A{i}\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"XFD{i}\" s=\"1\"/></row>"));
        var workbook = Standard(far).Build();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(40, Read(workbook).Count(r => r.Cells is ["x"]));
        // A row array as wide as column XFD (16,384 cells) for each of the 40 rows would allocate over 5 MB.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 2 << 20, "des lignes de 16 384 cellules ont été allouées");
        var message = Refusal(Standard("""<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>""").Build());
        Assert.Equal("ligne 1 : une valeur figure en colonne XFD (16\u202f384e colonne) ; un import lit au plus 64 colonnes.", message.Replace('\u00a0', '\u202f'));
    }

    [Fact]
    public void A_dimension_claiming_the_whole_sheet_costs_nothing()
    {
        var rows = Read(Standard(string.Concat(Enumerable.Range(1, 20).Select(i => Row(i, "R" + i))), dimension: "A1:XFD1048576").Build());
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.Single(r.Cells));
    }

    [Fact]
    public void Rows_beyond_the_limit_and_rows_out_of_order_are_refused()
    {
        Assert.Contains("plus de 1\u202f000 lignes", Refusal(Standard(Row(1, "a") + Row(1001, "b")).Build(), SpreadsheetLimits.Registers with { MaxRows = 1000 }).Replace('\u00a0', '\u202f'), StringComparison.Ordinal);
        Assert.Contains("la ligne « 2 » de la feuille suit la ligne 5", Refusal(Standard(Row(5, "a") + Row(2, "b")).Build()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 })]
    public void Something_that_is_not_a_workbook_is_refused(byte[] file) =>
        Assert.Equal("ce fichier n'est pas un classeur Excel (.xlsx) lisible.", Refusal(file));

    /// <summary>Overwrites a field of a part's central directory record (offsets of APPNOTE 4.3.12).</summary>
    private static void PatchCentralDirectory(byte[] zip, string part, int offset, byte[] value)
    {
        var name = Encoding.ASCII.GetBytes(part);
        for (var i = 0; i < zip.Length - 46; i++)
        {
            if (BitConverter.ToUInt32(zip, i) == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                value.CopyTo(zip, i + offset);
                if (offset == 8)
                {
                    // The same flag in the local header, which the reader checks too.
                    var local = (int)BitConverter.ToUInt32(zip, i + 42);
                    value.CopyTo(zip, local + 6);
                }
                return;
            }
        }
        throw new InvalidOperationException(part);
    }
}
