using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using QualiPilote.Tests.Features.Indicators;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>Importing the correspondence register through the API: the seed's figures come back, pending and late items are told
/// apart, re-imports change nothing, French Excel files read, and a bad file stores nothing and names each bad line.</summary>
public class CorrespondenceImportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<Dictionary<string, JsonElement>> IndicatorsAsync(HttpClient api, string structure, string query)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/structures/{structure}/indicators?{query}");
        return list.EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!);
    }

    private Task<int> ItemCountAsync(string structure) =>
        factory.WithDbAsync(db => db.Set<CorrespondenceItem>().CountAsync(i => i.StructureId == db.Structures.Single(s => s.Code == structure).Id));

    [Fact]
    public async Task The_seed_2020_2023_table_is_reproduced_by_importing_registers_built_for_it()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var response = await ImportAsync(api, "sp-albertville", "correspondence", Utf8(SeedTableCsv("ACC", "SG")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = new Dictionary<int, (double Mail, double Email, double Complaint)>
        {
            [2020] = (85.00, 75.50, 88.00),
            [2021] = (85.43, 93.26, 100),
            [2022] = (95.26, 86.21, 100),
            [2023] = (88.20, 94.29, 100),
        };
        foreach (var (year, (mail, email, complaint)) in expected)
        {
            var values = await IndicatorsAsync(api, "sp-albertville", $"year={year}");
            Assert.Equal(mail, values["delai-courriers"].GetProperty("value").GetDouble());
            Assert.Equal(email, values["delai-courriels"].GetProperty("value").GetDouble());
            Assert.Equal(complaint, values["delai-reclamations"].GetProperty("value").GetDouble());
            Assert.Equal(80, values["delai-courriers"].GetProperty("nationalTarget").GetDouble());
            Assert.True(values["delai-courriers"].GetProperty("met").GetBoolean());
        }
        // 2023: 5 complaints filed, 4 without a readable address – 1 counted, answered on time.
        var complaints2023 = (await IndicatorsAsync(api, "sp-albertville", "year=2023"))["delai-reclamations"];
        Assert.Equal(1, complaints2023.GetProperty("numerator").GetInt32());
        Assert.Equal(1, complaints2023.GetProperty("denominator").GetInt32());
        // A year without items answers null, not zero.
        Assert.Equal(JsonValueKind.Null, (await IndicatorsAsync(api, "sp-albertville", "year=2019"))["delai-courriers"].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Reimporting_a_file_changes_nothing_and_a_changed_line_updates_the_figures()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = $"""
            {Header}
            R-1;SGCD-BRH;courrier;03/03/2025;04/03/2025;oui
            R-2;SGCD-BRH;courrier;03/03/2025;05/03/2025;oui
            R-3;SGCD-CPM;courrier;04/03/2025;30/04/2025;oui
            """;
        var first = await (await ImportAsync(api, "sgcd-73", "correspondence", Utf8(file))).JsonAsync();
        Assert.Equal(3, first.GetProperty("imported").GetInt32());
        var second = await (await ImportAsync(api, "sgcd-73", "correspondence", Utf8(file))).JsonAsync();
        Assert.Equal((0, 0, 3), (second.GetProperty("imported").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        Assert.Equal(66.67, (await IndicatorsAsync(api, "sgcd-73", "year=2025"))["delai-courriers"].GetProperty("value").GetDouble());
        Assert.Equal(3, await ItemCountAsync("sgcd-73"));

        var corrected = await (await ImportAsync(api, "sgcd-73", "correspondence", Utf8(file.Replace("30/04/2025", "07/03/2025", StringComparison.Ordinal)))).JsonAsync();
        Assert.Equal((0, 1, 2), (corrected.GetProperty("imported").GetInt32(), corrected.GetProperty("updated").GetInt32(), corrected.GetProperty("unchanged").GetInt32()));
        var values = await IndicatorsAsync(api, "sgcd-73", "year=2025");
        Assert.Equal(100, values["delai-courriers"].GetProperty("value").GetDouble());
        Assert.Equal(3, values["delai-courriers"].GetProperty("denominator").GetInt32());

        // Each import is one audited batch, with who, the file and its hash, and the counts.
        var batches = await factory.WithDbAsync(db => db.Set<RegisterImport>().Where(b => b.Structure.Code == "sgcd-73").OrderBy(b => b.Id).ToListAsync());
        Assert.Equal([3, 0, 0], batches.Select(b => b.Imported));
        Assert.All(batches, b => Assert.Equal(64, b.Sha256!.Length));
        Assert.All(batches, b => Assert.Equal(DemoData.SavoieReferent.Email, b.UserName));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(RegisterImport))));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CorrespondenceItem))));
    }

    [Fact]
    public async Task A_windows_1252_file_with_commas_and_french_words_imports()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = "Référence,Service,Canal,Reçu le,Répondu le,Contact\r\nW-1,SG,Réclamation,2024-02-05,2024-02-06,Oui\r\nW-2,SG,E-mail,05/02/2024,,NON\r\nW-3,ACC,COURRIER,6/2/2024,07/02/2024,\r\n";
        var response = await ImportAsync(api, "sp-saint-jean-de-maurienne", "correspondence", Windows1252(file), "export-excel.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().Where(i => i.Reference.StartsWith("W-")).OrderBy(i => i.Reference).ToListAsync());
        Assert.Equal([CorrespondenceChannel.Complaint, CorrespondenceChannel.Email, CorrespondenceChannel.Mail], items.Select(i => i.Channel));
        Assert.False(items[1].HasContact);
        Assert.True(items[2].HasContact);
        Assert.Equal(new DateOnly(2024, 2, 6), items[2].ReceivedOn);
    }

    [Fact]
    public async Task References_in_any_script_are_stored_exactly_on_a_first_load_and_on_a_reimport()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        string[] references = ["DDT-é/2024-№1", "DDT-ü-中文-2", "DDT-🙂-3"];
        string File(string lastAnswer) => "reference;service;canal;recu_le;repondu_le;contact\n"
            + $"{references[0]};ACC;courrier;03/06/2024;04/06/2024;oui\n{references[1]};ACC;courriel;03/06/2024;;oui\n{references[2]};ACC;reclamation;04/06/2024;{lastAnswer};non\n";
        async Task<Dictionary<string, CorrespondenceItem>> StoredAsync() => (await factory.WithDbAsync(db => db.Set<CorrespondenceItem>()
            .Where(i => i.StructureId == db.Structures.Single(s => s.Code == "ddt-73").Id).ToListAsync())).ToDictionary(i => i.Reference);
        Assert.Empty(await StoredAsync()); // the first import is the load of an empty register (PostgreSQL copies it straight in)

        var first = await (await ImportAsync(api, "ddt-73", "correspondence", Utf8(File("05/06/2024")))).JsonAsync();
        Assert.Equal(3, first.GetProperty("imported").GetInt32());
        var stored = await StoredAsync();
        Assert.Equal(references.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((CorrespondenceChannel.Mail, new DateOnly(2024, 6, 4), true), (stored[references[0]].Channel, stored[references[0]].AnsweredOn, stored[references[0]].HasContact));
        Assert.Equal((CorrespondenceChannel.Email, (DateOnly?)null), (stored[references[1]].Channel, stored[references[1]].AnsweredOn));
        Assert.Equal((CorrespondenceChannel.Complaint, new DateOnly(2024, 6, 5), false), (stored[references[2]].Channel, stored[references[2]].AnsweredOn, stored[references[2]].HasContact));

        // Again, then with one answer moved: the register is no longer empty, the rows are matched on those references.
        Assert.Equal(3, (await (await ImportAsync(api, "ddt-73", "correspondence", Utf8(File("05/06/2024")))).JsonAsync()).GetProperty("unchanged").GetInt32());
        var changed = await (await ImportAsync(api, "ddt-73", "correspondence", Utf8(File("07/06/2024")))).JsonAsync();
        Assert.Equal((1, 2), (changed.GetProperty("updated").GetInt32(), changed.GetProperty("unchanged").GetInt32()));
        Assert.Equal(new DateOnly(2024, 6, 7), (await StoredAsync())[references[2]].AnsweredOn);
        await factory.AssertTalliesEqualARecountAsync("ddt-73");
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_like_a_csv_file()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var workbook = new MemoryStream();
        await MiniExcel.SaveAsAsync(workbook, new[]
        {
            new Dictionary<string, object?> { ["reference"] = "X-1", ["service"] = "ACC", ["canal"] = "courrier", ["recu_le"] = new DateTime(2024, 6, 3), ["repondu_le"] = new DateTime(2024, 6, 4), ["contact"] = "oui" },
            new Dictionary<string, object?> { ["reference"] = "X-2", ["service"] = "ACC", ["canal"] = "courriel", ["recu_le"] = "04/06/2024", ["repondu_le"] = null, ["contact"] = "oui" },
        });
        var response = await ImportAsync(api, "sp-saint-jean-de-maurienne", "correspondence", workbook.ToArray(), "registre.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_bad_file_stores_nothing_and_names_each_bad_line_and_field()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var before = await ItemCountAsync("ddetspp-73");
        var batches = await factory.WithDbAsync(db => db.Set<RegisterImport>().CountAsync());
        var file = $"""
            {Header}
            B-1;ACC;courrier;03/03/2025;04/03/2025;oui
            B-2;XYZ;courrier;03/03/2025;04/03/2025;oui
            B-3;ACC;fax;03/03/2025;04/03/2025;oui
            B-4;ACC;courrier;31/02/2025;;oui
            B-5;ACC;courrier;10/03/2025;04/03/2025;peut-être
            ;ACC;courrier;03/03/2025;;oui
            B-7;ACC;courrier;03/03/2027;;oui
            """;
        var response = await ImportAsync(api, "ddetspp-73", "correspondence", Utf8(file));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.JsonAsync();
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "service"), (4, "canal"), (5, "recu_le"), (6, "repondu_le"), (6, "contact"), (7, "reference"), (8, "recu_le")], errors);
        Assert.Contains("« XYZ » n'est pas un service de la structure", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, body.GetProperty("errorCount").GetInt32());
        Assert.Equal(before, await ItemCountAsync("ddetspp-73"));
        Assert.Equal(batches, await factory.WithDbAsync(db => db.Set<RegisterImport>().CountAsync()));
    }

    [Fact]
    public async Task A_file_of_a_hundred_thousand_errors_answers_with_the_first_ones_and_the_count()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = new System.Text.StringBuilder(Header).Append('\n');
        for (var i = 0; i < 100_000; i++)
        {
            file.Append(System.Globalization.CultureInfo.InvariantCulture, $"E-{i};ACC;pigeon;03/03/2025;;oui\n");
        }
        var response = await ImportAsync(api, "ddetspp-73", "correspondence", Utf8(file.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(100_000, body.GetProperty("errorCount").GetInt32());
        Assert.Equal(RegisterImportResult.MaxListedErrors, body.GetProperty("errors").GetArrayLength());
        Assert.Equal(2, body.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Equal(0, await ItemCountAsync("ddetspp-73"));
    }

    [Fact]
    public async Task A_reference_twice_in_a_file_is_refused_with_both_lines()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = $"""
            {Header}
            D-1;ACC;courrier;03/03/2025;04/03/2025;oui
            D-2;ACC;courrier;03/03/2025;04/03/2025;oui
            D-1;ACC;courriel;05/03/2025;;oui
            """;
        var response = await ImportAsync(api, "ddetspp-73", "correspondence", Utf8(file));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Contains("« D-1 » figure déjà ligne 2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ItemCountAsync("ddetspp-73"));
    }

    [Fact]
    public async Task A_relay_referent_imports_the_lines_of_their_own_service_only()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var own = $"{Header}\nRELAIS-1;DCL;courrier;03/11/2026;05/11/2026;oui\n";
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "pref-73", "correspondence", Utf8(own))).StatusCode);
        var other = $"{Header}\nRELAIS-2;DCL-BI;courrier;03/11/2026;05/11/2026;oui\n";
        var response = await ImportAsync(api, "pref-73", "correspondence", Utf8(other));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("service", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        using var agent = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(agent, "pref-73", "correspondence", Utf8(own))).StatusCode);
        using var lozere = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(lozere, "pref-73", "correspondence", Utf8(own))).StatusCode);
    }

    [Fact]
    public async Task A_header_without_the_required_columns_is_refused_on_line_one()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var response = await ImportAsync(api, "ddetspp-73", "correspondence", Utf8("numero;date\n1;03/03/2025\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal(1, e.GetProperty("line").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "canal");
    }

    [Fact]
    public Task Tallies_kept_by_the_imports_equal_a_recount_of_the_register() => factory.AssertTalliesEqualARecountAsync("pref-73");
}
