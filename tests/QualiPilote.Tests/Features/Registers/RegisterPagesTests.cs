using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>The register pages: import through the form, entry and correction of one line, deadlines, exports.</summary>
public class RegisterPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_seed_table_is_reproduced_by_importing_through_the_page()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/sp-saint-jean-de-maurienne/registres/courriers/importer");
        var response = await browser.SubmitAsync(page, "main form", [], new() { ["Upload"] = ("registre-2020-2023.csv", Utf8(SeedTableCsv("ACC", "SG"))) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var dashboard = await browser.GetPageAsync("/structures/sp-saint-jean-de-maurienne/indicateurs?debut=2020&fin=2023");
        var mail = dashboard.QuerySelectorAll("#tableau tbody tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == "Délai de réponse aux courriers");
        Assert.Equal(["85,00 %", "85,43 %", "95,26 %", "88,20 %"], mail.QuerySelectorAll("a.qp-value").Select(a => a.TextContent.Replace('\u00a0', ' ')));

        var registers = await browser.GetPageAsync("/structures/sp-saint-jean-de-maurienne/registres");
        var tables = registers.QuerySelectorAll("main table");
        var imports = tables[tables.Length - 1].TextContent;
        Assert.Contains("registre-2020-2023.csv", imports, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_through_the_page_lists_its_errors_and_stores_nothing()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/ddt-73/registres/courriers/importer");
        var response = await browser.SubmitAsync(page, "main form", [], new() { ["Upload"] = ("faux.csv", Utf8($"{Header}\nF-1;ACC;courrier;03/03/2025;;oui\nF-2;ACC;courrier;hier;;oui\n")) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Browser.ParseAsync(response);
        var row = html.QuerySelector("main table tbody tr")!;
        Assert.Equal(["3", "recu_le"], row.QuerySelectorAll("td").Take(2).Select(td => td.TextContent));
        Assert.Contains("rien n'a été enregistré", html.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().CountAsync(i => i.Reference.StartsWith("F-"))));

        var empty = await browser.SubmitAsync(page, "main form", []);
        Assert.Contains("joignez un fichier", (await Browser.ParseAsync(empty)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_referent_enters_and_corrects_a_line_of_their_service_and_the_figures_follow()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var form = await browser.GetPageAsync("/structures/pref-73/registres/courriers/saisie");
        Assert.Equal(["", "DCL"], form.QuerySelectorAll("#Input-ServiceCode option").Select(o => o.GetAttribute("value")));
        var created = await browser.SubmitAsync(form, "main form", new()
        {
            ["Input.Reference"] = "FORM-1",
            ["Input.ServiceCode"] = "DCL",
            ["Input.Channel"] = "Mail",
            ["Input.ReceivedOn"] = "2025-06-02",
            ["Input.AnsweredOn"] = "2025-07-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        async Task<int> DclOnTimeAsync() => (await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/indicators?year=2025&service=DCL", UriKind.Relative))).JsonAsync())
            .EnumerateArray().Single(e => e.GetProperty("code").GetString() == "delai-courriers").GetProperty("numerator").GetInt32();
        var onTime = await DclOnTimeAsync();

        var edit = await browser.GetPageAsync("/structures/pref-73/registres/courriers/saisie?reference=FORM-1");
        var corrected = await browser.SubmitAsync(edit, "main form", new() { ["Input.AnsweredOn"] = "2025-06-04" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(onTime + 1, await DclOnTimeAsync());
        var item = await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().SingleAsync(i => i.Reference == "FORM-1"));
        Assert.Equal(new DateOnly(2025, 6, 4), item.AnsweredOn);
        Assert.True(item.HasContact);

        var duplicate = await browser.SubmitAsync(await browser.GetPageAsync("/structures/pref-73/registres/courriers/saisie"), "main form", new()
        {
            ["Input.Reference"] = "FORM-1",
            ["Input.ServiceCode"] = "DCL",
            ["Input.Channel"] = "Mail",
            ["Input.ReceivedOn"] = "2025-06-02",
        });
        Assert.Contains("existe déjà", (await Browser.ParseAsync(duplicate)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        // Another service's line: not editable, and a forged post is refused.
        var other = await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().Where(i => i.ServiceId == db.Services.Single(s => s.Code == "DCL-BI" && s.Structure.Code == "pref-73").Id).Select(i => i.Reference).FirstAsync());
        var refused = await browser.GetAsync($"/structures/pref-73/registres/courriers/saisie?reference={other}");
        Assert.Contains("/acces-refuse", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var forged = await browser.SubmitAsync(edit, "main form", new() { ["Reference"] = other, ["Input.ServiceCode"] = "DCL" });
        Assert.Contains("un autre service", (await Browser.ParseAsync(forged)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_are_set_on_their_page_and_registers_export_to_excel()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/registres/delais");
        Assert.Equal(5, page.QuerySelectorAll("main table tbody tr").Length); // the demo's 15 then 10 days
        var saved = await browser.SubmitAsync(page, "main form[method=post]:not([action*='handler='])", new() { ["Input.Channel"] = "Email", ["Input.EffectiveFrom"] = "2027-01-01", ["Input.Days"] = "3", ["Input.WorkingDays"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rule = await factory.WithDbAsync(db => db.Set<ResponseDeadline>().SingleAsync(d => d.EffectiveFrom == new DateOnly(2027, 1, 1)));
        Assert.Equal((3, false), (rule.Days, rule.WorkingDays));

        using var response = await browser.GetAsync("/structures/pref-73/registres/courriers/export?annee=2023");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcel.Query(await response.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(500 + 3 + 14 + 280 + 5, rows.Count);
        Assert.Equal(["reference", "service", "canal", "recu_le", "repondu_le", "contact", "perimetre", "date_limite", "statut"], rows[0].Keys);
        using var calls = await browser.GetAsync("/structures/pref-73/registres/appels/export?annee=2023");
        Assert.Equal(4, MiniExcel.Query(await calls.Content.ReadAsStreamAsync(), useHeaderRow: true).Count());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/structures/pref-73/registres/inconnu/export")).StatusCode);

        var list = await browser.GetPageAsync("/structures/pref-73/registres/courriers?annee=2023&canal=Complaint");
        Assert.Contains("5 éléments", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_list_and_the_drill_down_turn_to_the_page_asked_for()
    {
        // « page » is also Razor Pages' own route value: a handler parameter of that name was bound from it, always failed,
        // showed page 1 and titled every list « Erreur : ».
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        foreach (var list in new[] { "/structures/pref-73/registres/courriers?annee=2026", "/structures/pref-73/indicateurs/delai-courriers/2026" })
        {
            var first = await browser.GetPageAsync(list);
            var second = await browser.GetPageAsync(list + (list.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page=2");
            Assert.DoesNotContain("Erreur", first.Title, StringComparison.Ordinal);
            Assert.DoesNotContain("Erreur", second.Title, StringComparison.Ordinal);
            Assert.Matches(@"page 1 sur \d+", first.QuerySelector("main")!.TextContent);
            Assert.Matches(@"page 2 sur \d+", second.QuerySelector("main")!.TextContent);
            Assert.NotEqual(first.QuerySelectorAll("main tbody")[^1].TextContent, second.QuerySelectorAll("main tbody")[^1].TextContent);
        }
    }

    [Fact]
    public async Task Register_pages_are_refused_below_their_level()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/structures/pref-73/registres")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.GetAsync("/structures/pref-73/registres/courriers/importer")).StatusCode);
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await relay.GetAsync("/structures/pref-73/registres/delais")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await relay.GetAsync("/structures/pref-73/registres/appels/importer")).StatusCode);
    }
}
