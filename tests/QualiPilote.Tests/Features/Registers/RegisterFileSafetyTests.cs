using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;
using static QualiPilote.Tests.Infrastructure.WorkbookBuilder;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>The tester's and the fuzzer's files, replayed through the import API: each is refused quickly with a French 422
/// naming what is wrong, stores nothing, and what spreadsheets really write (date cells) imports.</summary>
public class RegisterFileSafetyTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Structure = "pref-73"; // its DCL service is the one the rows name

    private async Task<(HttpStatusCode Status, string Message, int Line, string Field)> RefusalAsync(string register, byte[] file, string fileName = "registre.xlsx")
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var before = await CountAsync();
        var response = await ImportAsync(api, Structure, register, file, fileName);
        var body = await response.JsonAsync();
        Assert.Equal(before, await CountAsync());
        var error = body.GetProperty("errors")[0];
        return (response.StatusCode, error.GetProperty("message").GetString()!, error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()!);
    }

    private Task<(int Items, int Batches)> CountAsync() => factory.WithDbAsync(async db =>
        (await db.Set<CorrespondenceItem>().CountAsync(), await db.Set<RegisterImport>().CountAsync()));

    private static byte[] Correspondence(params string[][] rows) =>
        Standard(Row(1, "reference", "service", "canal", "recu_le", "repondu_le", "contact")
            + string.Concat(rows.Select((r, i) => Row(i + 2, r)))).Build();

    [Fact]
    public async Task A_workbook_whose_cell_unpacks_to_forty_megabytes_is_refused_from_its_compression_before_it_is_read()
    {
        var bomb = Standard(Row(1, "reference", "service", "canal", "recu_le", "repondu_le", "contact")
            + $"""<row r="2"><c r="A2" t="inlineStr"><is><t>{new string('A', 40 << 20)}</t></is></c></row>""").Build();
        var (status, message, line, field) = await RefusalAsync("correspondence", bomb);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        // The cell limit (XlsxReaderTests) would stop it at line 2; the compression ratio stops it before reading anything.
        Assert.Equal((1, "fichier"), (line, field));
        Assert.StartsWith("le classeur est anormalement compressé : la partie « xl/worksheets/sheet1.xml »", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("styles", "« xl/styles.xml » n'est pas du XML valide")]
    [InlineData("sharedStrings", "renvoie à la table des textes (xl/sharedStrings.xml), absente du fichier")]
    [InlineData("twice", "la partie « xl/worksheets/sheet1.xml » y figure deux fois")]
    [InlineData("long", "dépasse 32")]
    public async Task Each_cause_of_the_fuzzed_workbooks_answers_a_422_saying_the_workbook_is_damaged(string cause, string expected)
    {
        var good = Standard("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""" + Row(2, "FX-1", "DCL", "courrier", "02/11/2026", "", "oui"), [cause == "long" ? new string('x', 40_000) : "reference"]);
        var file = cause switch
        {
            "styles" => good.Replace("xl/styles.xml", ""),
            "sharedStrings" => good.Remove("xl/sharedStrings.xml"),
            "twice" => good.Add("xl/worksheets/sheet1.xml", "<worksheet/>"),
            _ => good,
        };
        var (status, message, _, field) = await RefusalAsync("correspondence", file.Build());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("fichier", field);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correspondence")]
    [InlineData("calls")]
    [InlineData("attendance")]
    public async Task A_header_of_300000_columns_is_refused_at_once_on_every_register(string register)
    {
        var (status, message, line, _) = await RefusalAsync(register, Utf8(string.Concat(Enumerable.Repeat("reference;", 300_000)) + "\nx;y\n"), "registre.csv");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, 1), (status, line));
        Assert.Equal("la première ligne dépasse 65\u202f536 caractères : ce n'est pas l'en-tête d'un registre.", message.Replace('\u00a0', '\u202f'));
        (status, message, line, _) = await RefusalAsync(register, Utf8(string.Concat(Enumerable.Repeat("reference;", 100)) + "\nx;y\n"), "registre.csv");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, 1), (status, line));
        Assert.Equal("l'en-tête compte plus de 64 colonnes, le plus qu'un registre peut avoir.", message);
    }

    [Fact]
    public async Task A_row_received_in_year_one_or_in_9999_is_refused_with_its_line_and_field()
    {
        var (status, message, line, field) = await RefusalAsync("correspondence", Utf8($"{Header}\nA-1;DCL;courrier;01/01/0001;;oui\n"), "registre.csv");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, 2, "recu_le"), (status, line, field));
        Assert.Equal("le 01/01/0001 est antérieur à 2000 : vérifiez l'année.", message);
        (_, message, _, field) = await RefusalAsync("correspondence", Utf8($"{Header}\nA-1;DCL;courrier;02/11/2026;31/12/9999;oui\n"), "registre.csv");
        Assert.Equal(("repondu_le", "le 31/12/9999 est dans le futur."), (field, message));
        (_, message, _, field) = await RefusalAsync("calls", Utf8("debut;fin;presentes;decroches\n01/01/1999;31/03/1999;10;9\n"), "registre.csv");
        Assert.Equal(("debut", "le 01/01/1999 est antérieur à 2000 : vérifiez l'année."), (field, message));
        (_, message, _, field) = await RefusalAsync("attendance", Utf8("mois;site;categorie;nombre\n0001-01;pan;;3\n"), "registre.csv");
        Assert.Equal("mois", field);
    }

    [Fact]
    public async Task A_replacement_character_in_a_code_is_an_error_not_a_match()
    {
        // A UTF-16 file with a lone surrogate after "DCL": decoded, it reads « DCL\uFFFD ».
        var text = $"{Header}\nA-1;DCL\uD800;courrier;02/11/2026;;oui\n";
        var bytes = new UnicodeEncoding(false, true, false).GetPreamble().Concat(new UnicodeEncoding(false, false, false).GetBytes(text)).ToArray();
        var (status, message, line, field) = await RefusalAsync("correspondence", bytes, "registre.csv");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, 2, "service"), (status, line, field));
        Assert.Contains("caractère illisible", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_time_and_month_cells_written_by_a_spreadsheet_import()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        // 46328.3847222222 = 02/11/2026 09:14; 46329.354166 = 03/11/2026 08:30
        var calls = Standard(Row(1, "date_heure", "statut")
            + $"""<row r="2"><c r="A2" s="{DateTimeStyle}"><v>46328.3847222222</v></c><c r="B2" t="inlineStr"><is><t>decroche</t></is></c></row>"""
            + $"""<row r="3"><c r="A3" s="{DateTimeStyle}"><v>46329.354166</v></c><c r="B3" t="inlineStr"><is><t>perdu</t></is></c></row>""").Build();
        var response = await ImportAsync(api, "sp-albertville", "calls", calls, "appels.xlsx");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("imported").GetInt32());

        // 45352 = 01/03/2024, a month typed as a date.
        var attendance = Standard(Row(1, "mois", "site", "categorie", "nombre")
            + $"""<row r="2"><c r="A2" s="{MonthStyle}"><v>45352</v></c><c r="B2" t="inlineStr"><is><t>accueil-general</t></is></c><c r="D2"><v>321</v></c></row>""").Build();
        response = await ImportAsync(api, "sp-albertville", "attendance", attendance, "frequentation.xlsx");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.WithDbAsync(async db =>
        {
            var id = await db.Structures.Where(s => s.Code == "sp-albertville").Select(s => s.Id).SingleAsync();
            return await db.Set<AttendanceRecord>().CountAsync(a => a.StructureId == id && a.Month == new DateOnly(2024, 3, 1) && a.Visitors == 321);
        }));
    }

    [Fact]
    public async Task An_excel_date_serial_of_1899_is_refused_like_any_implausible_date()
    {
        var file = Standard(Row(1, "reference", "service", "canal", "recu_le", "repondu_le", "contact")
            + $"""<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c><c r="B2" t="inlineStr"><is><t>DCL</t></is></c><c r="C2" t="inlineStr"><is><t>courrier</t></is></c><c r="D2" s="{DateStyle}"><v>1</v></c><c r="F2" t="inlineStr"><is><t>oui</t></is></c></row>""").Build();
        var (_, message, line, field) = await RefusalAsync("correspondence", file);
        Assert.Equal((2, "recu_le", "le 31/12/1899 est antérieur à 2000 : vérifiez l'année."), (line, field, message));
    }
}
