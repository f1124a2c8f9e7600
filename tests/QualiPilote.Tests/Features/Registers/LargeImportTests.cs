using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Features.Indicators;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>Files of more rows than one write statement carries (SQLite inserts them by the hundred, PostgreSQL copies them):
/// known, changed and new lines mixed together are each counted once, references met twice are named wherever they fall,
/// and an upload cut short stores nothing.</summary>
public class LargeImportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Structure = "sp-albertville";

    private static string Line(string reference, int day, bool late = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{reference};{(day % 2 == 0 ? "ACC" : "SG")};courrier;{Date(new DateOnly(2025, 1, 1).AddDays(day % 300))};{Date(new DateOnly(2025, 1, 1).AddDays(day % 300 + (late ? 45 : 1)))};oui");

    private static byte[] File(IEnumerable<string> lines) => Utf8(Header + "\n" + string.Join("\n", lines) + "\n");

    [Fact]
    public async Task Known_changed_and_new_lines_mixed_in_a_large_file_are_each_counted_once()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var first = Enumerable.Range(0, 1000).Select(i => Line($"L-{i:0000}", i)).ToList();
        var response = await ImportAsync(api, Structure, "correspondence", File(first));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, (await response.JsonAsync()).GetProperty("imported").GetInt32());

        // The same lines, ten of them now answered late, and a new line after every third known one.
        var changed = new HashSet<int> { 3, 200, 255, 256, 257, 511, 512, 700, 998, 999 };
        var second = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            second.Add(Line($"L-{i:0000}", i, late: changed.Contains(i)));
            if (i % 3 == 0 && i < 900)
            {
                second.Add(Line($"N-{i:0000}", i));
            }
        }
        var body = await (await ImportAsync(api, Structure, "correspondence", File(second))).JsonAsync();
        Assert.Equal((300, 10, 990), (body.GetProperty("imported").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("unchanged").GetInt32()));

        var (count, late) = await factory.WithDbAsync(async db =>
        {
            var id = await db.Structures.Where(s => s.Code == Structure).Select(s => s.Id).SingleAsync();
            var items = db.Set<CorrespondenceItem>().Where(i => i.StructureId == id && (i.Reference.StartsWith("L-") || i.Reference.StartsWith("N-")));
            return (await items.CountAsync(), await items.Where(i => i.AnsweredOn > i.DueOn).Select(i => i.Reference).OrderBy(r => r).ToListAsync());
        });
        Assert.Equal(1300, count);
        Assert.Equal(changed.Order().Select(i => $"L-{i:0000}"), late);
        await factory.AssertTalliesEqualARecountAsync(Structure);

        var again = await (await ImportAsync(api, Structure, "correspondence", File(second))).JsonAsync();
        Assert.Equal((0, 0, 1300), (again.GetProperty("imported").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task References_met_twice_in_a_large_file_are_refused_with_both_lines_in_one_statement_or_apart()
    {
        // A register no other test here writes to: first empty (PostgreSQL copies into the table and meets the duplicate at
        // the key), then holding a line (PostgreSQL goes through its staging table); SQLite writes both the same way.
        const string structure = "sp-saint-jean-de-maurienne";
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var lines = Enumerable.Range(0, 3000).Select(i => Line($"D-{i:0000}", i)).ToList();
        lines[599] = Line("D-0009", 5);   // line 601 repeats line 11, several hundred rows before
        lines[700] = Line("D-0698", 7);   // line 702 repeats line 700, a few rows before
        lines[2899] = Line("D-0001", 9);  // line 2901 repeats line 3, a long way back
        Task<int> StoredAsync() => factory.WithDbAsync(db => db.Set<CorrespondenceItem>().CountAsync(i => i.StructureId == db.Structures.Single(s => s.Code == structure).Id));
        Assert.Equal(0, await StoredAsync());

        foreach (var registerEmpty in new[] { true, false })
        {
            if (!registerEmpty)
            {
                Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, structure, "correspondence", File([Line("P-0001", 1)]))).StatusCode);
            }
            var response = await ImportAsync(api, structure, "correspondence", File(lines));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString()!)).OrderBy(e => e.Item1).ToList();
            Assert.Equal([601, 702, 2901], errors.Select(e => e.Item1));
            Assert.Contains("« D-0009 » figure déjà ligne 11", errors[0].Item2, StringComparison.Ordinal);
            Assert.Contains("« D-0698 » figure déjà ligne 700", errors[1].Item2, StringComparison.Ordinal);
            Assert.Contains("« D-0001 » figure déjà ligne 3", errors[2].Item2, StringComparison.Ordinal);
            Assert.Equal(registerEmpty ? 0 : 1, await StoredAsync());
        }
        await factory.AssertTalliesEqualARecountAsync(structure);
    }

    [Fact]
    public async Task A_bad_line_deep_in_a_first_load_stores_nothing_and_the_next_import_goes_through()
    {
        // ddt-73 has one service, ACC, and no line yet: on PostgreSQL the rows stream into the table until the bad line.
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var lines = Enumerable.Range(0, 3000).Select(i => Line($"B-{i:0000}", i).Replace(";SG;", ";ACC;", StringComparison.Ordinal)).ToList();
        var bad = lines.ToList();
        bad[2499] = "B-2499;ACC;pigeon;03/03/2025;;oui";
        var response = await ImportAsync(api, "ddt-73", "correspondence", File(bad));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal((2501, "canal"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().CountAsync(i => i.Reference.StartsWith("B-"))));

        var good = await (await ImportAsync(api, "ddt-73", "correspondence", File(lines))).JsonAsync();
        Assert.Equal(3000, good.GetProperty("imported").GetInt32());
        await factory.AssertTalliesEqualARecountAsync("ddt-73");
    }

    [Fact]
    public async Task A_stored_reference_met_twice_in_a_file_is_refused_even_when_both_lines_change_nothing()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var known = Enumerable.Range(0, 300).Select(i => Line($"K-{i:0000}", i)).ToList();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, Structure, "correspondence", File(known))).StatusCode);

        var lines = known.Concat(Enumerable.Range(0, 300).Select(i => Line($"M-{i:0000}", i))).Append(Line("K-0010", 10)).ToList();
        var response = await ImportAsync(api, Structure, "correspondence", File(lines));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal(602, error.GetProperty("line").GetInt32());
        Assert.Contains("« K-0010 » figure déjà ligne 12", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().CountAsync(i => i.Reference.StartsWith("M-"))));
    }

    [Fact]
    public async Task A_request_without_a_file_part_or_cut_short_is_refused_on_the_file_field_and_stores_nothing()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var url = new Uri($"/api/v1/structures/{Structure}/registers/correspondence", UriKind.Relative);

        using var otherField = new MultipartFormDataContent { { new ByteArrayContent(File([Line("C-1", 1)])), "document", "registre.csv" } };
        await AssertRefusedOnFileAsync(await api.PostAsync(url, otherField));

        // A multipart body whose file part never ends: rows were read and written before the break, none may stay.
        const string boundary = "coupure";
        var rows = string.Join("\n", Enumerable.Range(0, 2000).Select(i => Line($"C-{i:0000}", i)));
        using var cut = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"registre.csv\"\r\nContent-Type: text/csv\r\n\r\n{Header}\n{rows}\n"));
        cut.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        await AssertRefusedOnFileAsync(await api.PostAsync(url, cut));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().CountAsync(i => i.Reference.StartsWith("C-"))));
    }

    private static async Task AssertRefusedOnFileAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("file", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
    }
}
