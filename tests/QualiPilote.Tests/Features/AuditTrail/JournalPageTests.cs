using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Features.ActionPlan;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.AuditTrail;

/// <summary>The quality referent reads the journal of changes in French: record names with links, French field labels,
/// values as the pages write them, Paris time, authors by name; filters it, pages through it and exports it to Excel.
/// The test host's clock is 23/11/2026 10:00 UTC, 11:00 in Paris, when the demo data and every change here are written.</summary>
public class JournalPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Journal = "/structures/pref-73/journal";

    private static List<IElement> Entries(IHtmlDocument page) => page.QuerySelectorAll("main li.qp-journal__entry").ToList();

    private static string Title(IElement entry) => Normalize(entry.QuerySelector("h2")!.TextContent);

    /// <summary>Each changed field of an entry: its label, then its values (before and after for a change, the one value otherwise).</summary>
    private static Dictionary<string, string[]> Fields(IElement entry) =>
        entry.QuerySelectorAll("tbody tr").ToDictionary(
            tr => Normalize(tr.QuerySelector("th")!.TextContent),
            tr => tr.QuerySelectorAll("td").Select(td => Normalize(td.TextContent)).ToArray());

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string MainText(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    private static string Count(IHtmlDocument page) => Normalize(page.QuerySelector("#resultat")!.TextContent);

    [Fact]
    public async Task An_edited_action_reads_in_french_with_its_link_author_paris_time_and_values_before_and_after()
    {
        var id = await factory.WithDbAsync(db => db.Set<ImprovementAction>()
            .Where(a => a.Title == "Rappeler les coordonnées des référents qualité sur l'intranet").Select(a => a.Id).SingleAsync());
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync($"/structures/pref-73/actions/{id}/modifier");
        var saved = await referent.SubmitAsync(form, "main form", new()
        {
            ["Input.Status"] = "InProgress",
            ["Input.Progress"] = "40",
            ["Input.DueDate"] = "2027-01-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await referent.GetPageAsync($"{Journal}?type=ImprovementAction&auteur={Uri.EscapeDataString(DemoData.SavoieReferent.Email)}");

        var entry = Assert.Single(Entries(page));
        Assert.Equal("Modification Action d'amélioration n° " + id + " — Rappeler les coordonnées des référents qualité sur l'intranet", Title(entry));
        Assert.Equal($"/structures/pref-73/actions/{id}", entry.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Le 23/11/2026 11:00 (heure de Paris), par Claire Martin", Normalize(entry.QuerySelector(".qp-journal__meta")!.TextContent));
        Assert.Equal("2026-11-23T10:00:00Z", entry.QuerySelector("time")!.GetAttribute("datetime"));
        var fields = Fields(entry);
        Assert.Equal(["À lancer", "En cours"], fields["Statut"]);
        Assert.Equal(["0\u00a0%", "40\u00a0%"], fields["Avancement"]);
        Assert.Equal(["04/12/2026", "15/01/2027"], fields["Échéance"]);
        Assert.Equal(["(vide)", "23/11/2026 11:00"], fields["Modifiée le"]);
        Assert.Equal(["(vide)", "Claire Martin"], fields["Modifiée par"]);
        Assert.DoesNotContain("Version", fields.Keys); // the concurrency counter tells a reader nothing
        Assert.Equal(["Champ", "Avant", "Après"], entry.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal("Claire Martin", page.QuerySelector("#auteur option[selected]")!.TextContent.Trim());
        Assert.Equal("Action d'amélioration", page.QuerySelector("#type option[selected]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_demo_journal_has_french_names_labels_and_values_and_no_raw_json_on_any_page()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync(Journal);
        var pageCount = int.Parse(Count(page).Split(' ')[^1], CultureInfo.InvariantCulture);
        Assert.True(pageCount > 1, Count(page));
        var rawTypeNames = new[] { "ImprovementAction", "ActionReminder", "LocalTarget", "AuditFinding", "RequirementAssessment", "IndicatorValue", "Membership" };
        var entries = new List<IElement>();
        for (var number = 1; number <= pageCount; number++)
        {
            page = number == 1 ? page : await referent.GetPageAsync($"{Journal}?page={number}");
            var text = MainText(page);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\":", text, StringComparison.Ordinal);
            Assert.All(rawTypeNames, raw => Assert.DoesNotContain(raw, text, StringComparison.Ordinal));
            Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T\d{2}:", text); // no ISO time
            entries.AddRange(Entries(page));
        }

        // The seed wrote the demo journal; the other tests of this class may have added the referent's own edits to it.
        Assert.All(entries, e => Assert.Matches(@"Le 23/11/2026 11:00 \(heure de Paris\), par (Système \(traitement automatique\)|Claire Martin)", Normalize(e.TextContent)));
        var finding = entries.Single(e => Title(e).StartsWith("Création Constat d'audit", StringComparison.Ordinal) && Title(e).Contains("Les nouveaux arrivants", StringComparison.Ordinal));
        var findingFields = Fields(finding);
        Assert.Equal(["Point sensible"], findingFields["Type de constat"]); // an enum by its French label
        Assert.StartsWith("Audit externe de certification Socotec du 23/05/2022", findingFields["Audit"][0], StringComparison.Ordinal); // a key by its record
        Assert.DoesNotContain("Structure", findingFields.Keys); // the journal is the structure's

        var linked = entries.Single(e => Title(e).StartsWith("Modification Constat d'audit n° ", StringComparison.Ordinal) && Title(e).Contains("Les nouveaux arrivants", StringComparison.Ordinal));
        Assert.Equal(["(vide)", "n° " + await ActionIdAsync("Former les nouveaux arrivants à l'accueil physique et téléphonique") + " — Former les nouveaux arrivants à l'accueil physique et téléphonique"],
            Fields(linked)["Action d'amélioration"]);

        var module = entries.First(e => Title(e).StartsWith("Création Module du périmètre", StringComparison.Ordinal));
        Assert.Equal("/structures/pref-73/perimetre", module.QuerySelector("h2 a")!.GetAttribute("href"));
        var evidence = entries.First(e => Title(e).Contains("Preuve « Politique qualité de la préfecture de la Savoie »", StringComparison.Ordinal));
        Assert.Equal("/structures/pref-73/preuves", evidence.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains(entries, e => Fields(e).Values.Any(v => v.Contains("oui") || v.Contains("non")));
        Assert.Contains(entries, e => Fields(e).TryGetValue("Statut", out var status) && status.Contains("Réalisé"));
    }

    [Fact]
    public async Task Filters_by_type_author_and_period_stay_in_the_address_and_the_pages()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync(Journal);
        var form = (IHtmlFormElement)page.QuerySelector("main form")!;
        Assert.Equal("get", form.Method);
        Assert.Equal(["type", "auteur", "du", "au"], form.Elements.Select(e => e.GetAttribute("name")).OfType<string>());
        Assert.Equal("Type de donnée", page.QuerySelector("label[for=type]")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("#type option"), o => o.GetAttribute("value") == "Evidence" && o.TextContent == "Preuve");

        var evidences = await referent.GetPageAsync($"{Journal}?type=Evidence&du=23/11/2026&au=2026-11-23");
        Assert.NotEmpty(Entries(evidences));
        Assert.All(Entries(evidences), e => Assert.Contains("Preuve", Title(e), StringComparison.Ordinal));
        Assert.Equal("23/11/2026", evidences.QuerySelector("#du")!.GetAttribute("value"));
        Assert.Equal("2026-11-23", evidences.QuerySelector("#au")!.GetAttribute("value"));
        var export = evidences.QuerySelector("a[href*='handler=Export']")!.GetAttribute("href")!;
        Assert.Contains("type=Evidence", export, StringComparison.Ordinal);
        Assert.Contains("du=23%2F11%2F2026", export, StringComparison.Ordinal);

        Assert.Equal("0 modification – page 1 sur 1", Count(await referent.GetPageAsync($"{Journal}?du=24/11/2026")));
        Assert.Equal("0 modification – page 1 sur 1", Count(await referent.GetPageAsync($"{Journal}?au=22/11/2026")));
        Assert.Equal("0 modification – page 1 sur 1", Count(await referent.GetPageAsync($"{Journal}?auteur={Uri.EscapeDataString(DemoData.SavoieAgent.Email)}")));

        // Pagination keeps the filters: the second page of the day's changes, and its link back.
        var day = await referent.GetPageAsync($"{Journal}?du=23/11/2026");
        var next = day.QuerySelector("a.fr-pagination__link--next")!.GetAttribute("href")!;
        Assert.Equal($"{Journal}?du=23%2F11%2F2026&page=2", next);
        var second = await referent.GetPageAsync(next);
        Assert.StartsWith(Count(day).Split(" – ")[0], Count(second), StringComparison.Ordinal);
        Assert.Contains("page 2 sur", Count(second), StringComparison.Ordinal);
        Assert.Equal("23/11/2026", second.QuerySelector("#du")!.GetAttribute("value"));
        Assert.Equal($"{Journal}?du=23%2F11%2F2026", second.QuerySelector("a.fr-pagination__link--prev")!.GetAttribute("href"));
        Assert.NotEqual(Title(Entries(day)[0]) + Entries(day)[0].Id, Title(Entries(second)[0]) + Entries(second)[0].Id);
    }

    [Theory]
    [InlineData("?du=31/02/2026", "du", "Date de début : « 31/02/2026 » n'est pas une date")]
    [InlineData("?au=demain", "au", "Date de fin : « demain » n'est pas une date")]
    [InlineData("?du=01/12/2026&au=01/11/2026", "au", "Date de fin : le 01/11/2026 précède la date de début (01/12/2026).")]
    [InlineData("?du=01/01/0001", "du", "Date de début : choisissez une date entre le 01/01/2000 et le 31/12/2199.")]
    public async Task A_wrong_date_gets_the_page_with_a_french_message_on_its_field(string query, string field, string message)
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        foreach (var url in new[] { Journal + query, Journal + query + "&handler=Export" })
        {
            using var response = await referent.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Browser.ParseAsync(response);
            Assert.StartsWith(message, page.QuerySelector($"#{field}-messages .fr-message--error")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
            Assert.Contains(message, page.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(Entries(page));
        }
    }

    [Theory]
    [InlineData("?page=abc")]
    [InlineData("?page=-4")]
    [InlineData("?page=99999999999999")]
    [InlineData("?type=Inconnu&auteur=personne")]
    [InlineData("?type=&auteur=&du=&au=&page=")]
    public async Task An_odd_query_string_still_gets_the_journal(string query)
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync(Journal + query);
        Assert.Matches(@"^\d+ modifications? – page 1 sur \d+$", Count(page));
    }

    [Fact]
    public async Task The_excel_export_holds_the_filtered_rows_with_the_same_french_columns()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync($"{Journal}?type=AuditFinding");
        var onPage = Entries(page).SelectMany(e => Fields(e).Select(f => (Title(e), f.Key))).ToList();
        Assert.NotEmpty(onPage);

        using var response = await referent.GetAsync(page.QuerySelector("a[href*='handler=Export']")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("journal-pref-73-2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var sheets = Xlsx.Sheets(await response.Content.ReadAsByteArrayAsync());
        var rows = sheets[0];
        Assert.Equal(["N°", "Date (heure de Paris)", "Auteur", "Action", "Type de donnée", "Donnée", "Champ", "Avant", "Après"], rows[0].Select(c => c ?? ""));
        var data = rows.Skip(1).ToList();
        Assert.Equal(onPage.Count, data.Count); // one row per changed field, as on the page
        Assert.All(data, r => Assert.Equal("Constat d'audit", r[4]));
        Assert.All(data, r => Assert.Equal("Système (traitement automatique)", r[2]));
        var paris = new DateTime(2026, 11, 23, 11, 0, 0).ToOADate();
        Assert.All(data, r => Assert.Equal(paris, double.Parse(r[1]!, CultureInfo.InvariantCulture), 5));
        Assert.Contains(data, r => r[3] == "Création" && r[6] == "Type de constat" && r[7] is null && r[8] == "Point sensible");
        Assert.Contains(data, r => r[3] == "Modification" && r[6] == "Action d'amélioration" && r[7] is null
            && r[8]?.EndsWith("Former les nouveaux arrivants à l'accueil physique et téléphonique", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(data, r => r.Any(c => c?.Contains('{', StringComparison.Ordinal) == true));
        var criteria = sheets[1].Where(r => r.Length > 1).ToDictionary(r => r[0]!, r => r[1]);
        Assert.Equal("Constat d'audit", criteria["Type de donnée"]);
        Assert.Equal(data.Count.ToString(CultureInfo.InvariantCulture), criteria["Lignes"]);
    }

    [Fact]
    public async Task Agent_relay_referent_auditor_and_another_structure_referent_are_refused()
    {
        foreach (var account in new[] { DemoData.SavoieAgent, DemoData.SavoieRelay, DemoData.SavoieAuditor, DemoData.LozereReferent })
        {
            using var user = await Browser.LoginAsync(factory, account.Email);
            Assert.True(Refusal.IsRefused(await user.GetAsync(Journal)), account.Email);
            Assert.True(Refusal.IsRefused(await user.GetAsync($"{Journal}?handler=Export")), account.Email);
            Assert.True(Refusal.IsRefused(await user.GetAsync("/admin/journal?handler=Export")), account.Email);
            using var api = await ApiClient.ForAsync(factory, account.Email);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(new Uri("/api/v1/structures/pref-73/audit-trail", UriKind.Relative))).StatusCode);
        }
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        Assert.True(Refusal.IsRefused(await referent.GetAsync("/structures/pref-48/journal?handler=Export")));
        Assert.True(Refusal.IsRefused(await referent.GetAsync("/admin/journal")));
        using var anonymous = Browser.Anonymous(factory);
        Assert.True(Refusal.IsRefused(await anonymous.GetAsync($"{Journal}?handler=Export")));
    }

    [Fact]
    public async Task The_national_journal_names_accounts_and_referentials_in_french()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var page = await admin.GetPageAsync("/admin/journal?type=AppUser");
        var account = Entries(page).Single(e => Title(e) == "Création Compte d'Alex Durand (admin@quali-pilote.demo)");
        Assert.Equal("/admin/utilisateurs", account.QuerySelector("h2 a")!.GetAttribute("href"));
        var fields = Fields(account);
        Assert.Equal(["Alex Durand"], fields["Nom complet"]);
        Assert.Equal(["oui"], fields["Adresse électronique confirmée"]);
        Assert.DoesNotContain(fields.Keys, k => k.Contains("Normalized", StringComparison.Ordinal) || k.Contains("Stamp", StringComparison.Ordinal));

        var roles = await admin.GetPageAsync("/admin/journal?type=IdentityRole");
        Assert.Equal(["administrateur national"], Fields(Assert.Single(Entries(roles)))["Nom"]);
        var referentials = await admin.GetPageAsync("/admin/journal?type=Engagement");
        Assert.All(Entries(referentials), e => Assert.Matches(@"^Création Engagement \d+ \(", Title(e)));
        Assert.DoesNotContain("{", MainText(referentials), StringComparison.Ordinal);

        using var export = await admin.GetAsync("/admin/journal?handler=Export&type=IdentityRole");
        var rows = Xlsx.Sheets(await export.Content.ReadAsByteArrayAsync())[0];
        Assert.Equal("administrateur national", rows.Single(r => r[6] == "Nom")[8]);
    }

    [Fact]
    public async Task The_api_keeps_the_stored_fields_adds_the_french_ones_and_takes_the_same_filters()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var json = await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/audit-trail?type=AuditFinding&from=23/11/2026&to=2026-11-23", UriKind.Relative))).JsonAsync();
        var entries = json.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, json.GetProperty("totalCount").GetInt32());
        var created = entries.First(e => e.GetProperty("action").GetString() == "created"
            && e.GetProperty("after").GetString()!.Contains("Les nouveaux arrivants", StringComparison.Ordinal));
        Assert.Equal("AuditFinding", created.GetProperty("entityType").GetString());
        Assert.StartsWith("{", created.GetProperty("after").GetString(), StringComparison.Ordinal); // raw, as stored
        Assert.Equal("Constat d'audit", created.GetProperty("entityName").GetString());
        Assert.Equal("23/11/2026 11:00", created.GetProperty("atParis").GetString());
        Assert.Equal("Création", created.GetProperty("actionLabel").GetString());
        Assert.StartsWith("/structures/pref-73/audits/", created.GetProperty("url").GetString(), StringComparison.Ordinal);
        var type = created.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "Type");
        Assert.Equal("Type de constat", type.GetProperty("label").GetString());
        Assert.Equal("Point sensible", type.GetProperty("after").GetString());

        var none = await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/audit-trail?from=24/11/2026", UriKind.Relative))).JsonAsync();
        Assert.Equal(0, none.GetProperty("totalCount").GetInt32());
        var system = await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/audit-trail?user=syst%C3%A8me&type=Evidence", UriKind.Relative))).JsonAsync();
        Assert.True(system.GetProperty("totalCount").GetInt32() > 0);

        using var bad = await api.GetAsync(new Uri("/api/v1/structures/pref-73/audit-trail?from=31/02/2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.JsonAsync();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal("from", error.GetProperty("field").GetString());
        Assert.Contains("n'est pas une date", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, (await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/audit-trail?page=0", UriKind.Relative))).JsonAsync()).GetProperty("page").ValueKind);
    }

    private Task<int> ActionIdAsync(string title) =>
        factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
}
