using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Tests.Features.ActionPlan;

/// <summary>The action plan's views and filters, read as the Savoie quality referent on 23/11/2026, and their Excel export.</summary>
public class ActionPlanViewsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Plan = "/structures/pref-73/actions";

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Overdue_view_lists_the_open_actions_whose_due_date_has_passed()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"{Plan}?echeance=Overdue");

        Assert.Equal(["Afficher et suivre les délais de délivrance des titres de séjour"], Titles(page));
        Assert.Equal("En retard", page.QuerySelectorAll("nav[aria-label=\"Vues du plan d'action\"] a[aria-current=page]").Single().TextContent.Trim());
    }

    [Fact]
    public async Task Due_soon_view_lists_open_actions_due_within_30_days_in_due_date_order()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"{Plan}?echeance=DueSoon");

        Assert.Equal(
            [
                "Rappeler les coordonnées des référents qualité sur l'intranet",
                "Faire figurer des coordonnées lisibles sur les fiches de réclamation",
                "Dater et versionner les fiches de procédure de la base documentaire",
            ],
            Titles(page));
    }

    [Fact]
    public async Task By_service_view_groups_actions_under_their_service_with_counts()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"{Plan}?vue=Service");

        var groups = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        var dcl = await factory.WithDbAsync(db => db.Set<ImprovementAction>().CountAsync(a => a.Structure.Code == "pref-73" && a.Service!.Code == "DCL"));
        Assert.Contains($"DCL – Direction de la citoyenneté et de la légalité {dcl}", groups);
        Assert.Contains(groups, g => g.StartsWith("DCL-BI – Bureau de l'immigration 1", StringComparison.Ordinal));
        Assert.Equal(await factory.WithDbAsync(db => db.Set<ImprovementAction>().CountAsync(a => a.Structure.Code == "pref-73")), Titles(page).Count);
    }

    [Fact]
    public async Task By_engagement_view_shows_an_action_under_each_engagement_it_serves()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"{Plan}?vue=Engagement");

        var sections = page.QuerySelectorAll("main h2").ToList();
        string[] TitlesUnder(string start)
        {
            var heading = sections.Single(h => h.TextContent.Trim().StartsWith(start, StringComparison.Ordinal));
            return heading.NextElementSibling!.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent.Trim()).ToArray();
        }
        Assert.Contains("Afficher et suivre les délais de délivrance des titres de séjour", TitlesUnder("Quali-ATE 2024 – Engagement 31."));
        Assert.Contains("Afficher et suivre les délais de délivrance des titres de séjour", TitlesUnder("Quali-ATE 2024 – Engagement 32."));
        Assert.Contains("Former les nouveaux arrivants à l'accueil physique et téléphonique", TitlesUnder("Qual-e-pref 2017 – Engagement 4."));
    }

    [Fact]
    public async Task By_origin_view_and_filters_combine_through_the_query_string()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"{Plan}?vue=Origin&service=DCL&statut=Open");

        var groups = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["CLUAC ou groupe de travail 1", "Réclamation ou suggestion 1"], groups.Select(g => g.Replace("\u00a0", " ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());
        // The filters come back selected in the GET form, which keeps the view in a hidden field: nothing needs JavaScript.
        var form = page.QuerySelector("main form[method=get]")!;
        Assert.Equal("Origin", form.QuerySelector("input[name=vue]")?.GetAttribute("value"));
        Assert.Equal("DCL", (form.QuerySelector("select[name=service]") as IHtmlSelectElement)!.Value);
        Assert.Equal("Open", (form.QuerySelector("select[name=statut]") as IHtmlSelectElement)!.Value);
        // Every count of the summary leads to the rows behind it.
        var overdueLink = page.QuerySelectorAll("main p[role=status] a").Single(a => a.TextContent.Contains("en retard", StringComparison.Ordinal));
        Assert.Equal($"{Plan}?service=DCL&statut=Open&echeance=Overdue", overdueLink.GetAttribute("href"));
    }

    [Fact]
    public async Task An_engagement_filter_keeps_the_actions_serving_it()
    {
        var e32 = await factory.WithDbAsync(db => db.Engagements.Where(e => e.Referential.Code == "quali-ate" && e.Number == 32).Select(e => e.Id).SingleAsync());
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"{Plan}?engagement={e32}");
        Assert.Equal(["Afficher et suivre les délais de délivrance des titres de séjour"], Titles(page));
    }

    [Fact]
    public async Task Excel_export_holds_the_rows_of_the_same_view_and_says_which_filters_made_it()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"{Plan}?vue=Service&echeance=DueSoon");
        var exportLink = page.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("Exporter cette vue", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal($"{Plan}?vue=Service&echeance=DueSoon&handler=Export", exportLink);

        using var response = await browser.GetAsync(exportLink);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SpreadsheetWriter.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("plan-action-pref-73-2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        var rows = file.Query(useHeaderRow: true, sheetName: "Actions").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Titles(page).Order(StringComparer.Ordinal), rows.Select(r => (string)r["Action"]!).Order(StringComparer.Ordinal));
        var reclamation = rows.Single(r => (string)r["Action"]! == "Faire figurer des coordonnées lisibles sur les fiches de réclamation");
        Assert.Equal("DCL – Direction de la citoyenneté et de la légalité", reclamation["Groupe"]);
        Assert.Equal(new DateTime(2026, 12, 15), reclamation["Échéance"]);
        Assert.Equal("En cours", reclamation["Statut"]);
        Assert.Equal("Quali-ATE 2024 – E16", reclamation["Engagements"]);
        // The link is a full address that opens from the spreadsheet (the test host is http://localhost).
        Assert.Matches(@"^http://localhost/structures/pref-73/actions/\d+$", (string)reclamation["Lien"]!);

        file.Position = 0;
        var criteria = file.Query(useHeaderRow: true, sheetName: "Filtres").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Critère"]!, r => r["Valeur"]?.ToString());
        Assert.Equal("Échéance sous 30 jours", criteria["Échéance"]);
        Assert.Equal("Par service", criteria["Vue"]);
        Assert.Equal("3", criteria["Lignes"]);
    }

    [Fact]
    public async Task Auditor_reads_the_plan_details_and_export_but_is_offered_no_change()
    {
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        var list = await auditor.GetPageAsync(Plan);
        Assert.DoesNotContain(list.QuerySelectorAll("main a"), a => a.TextContent.Contains("Nouvelle action", StringComparison.Ordinal));
        var id = await factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Structure.Code == "pref-73" && a.Service!.Code == "DCL").Select(a => a.Id).FirstAsync());
        var details = await auditor.GetPageAsync($"{Plan}/{id}");
        Assert.DoesNotContain(details.QuerySelectorAll("main a"), a => a.TextContent.Contains("Modifier", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"{Plan}?handler=Export")).StatusCode);

        Assert.True(Refusal.IsRefused(await auditor.GetAsync($"{Plan}/{id}/modifier")));
        Assert.True(Refusal.IsRefused(await auditor.PostAsync($"{Plan}/{id}/modifier", new() { ["Input.Title"] = "Modifiée par l'auditeur" })));
        Assert.NotEqual("Modifiée par l'auditeur", await factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));

        // Beyond the perimeter, the self-assessment, the evidence and the actions, only the audits (issue 12): no timeline.
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/structures/pref-73/audits")).StatusCode);
        Assert.True(Refusal.IsRefused(await auditor.GetAsync("/structures/pref-73/retroplanning")));
    }

    [Fact]
    public async Task Auditor_reads_actions_through_the_api_but_cannot_write()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAuditor.Email);
        var list = await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/actions?deadline=overdue", UriKind.Relative))).JsonAsync();
        Assert.Equal(["Afficher et suivre les délais de délivrance des titres de séjour"], list.EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList());

        var create = await api.PostAsync(new Uri("/api/v1/structures/pref-73/actions", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { title = "Action d'auditeur", origin = "other" }));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Api_list_takes_the_same_filters_and_refuses_an_unknown_value_in_french()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var dueSoon = await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/actions?deadline=dueSoon&service=DCL", UriKind.Relative))).JsonAsync();
        var action = Assert.Single(dueSoon.EnumerateArray());
        Assert.Equal("Faire figurer des coordonnées lisibles sur les fiches de réclamation", action.GetProperty("title").GetString());
        Assert.True(action.GetProperty("dueSoon").GetBoolean());
        Assert.Equal("inProgress", action.GetProperty("status").GetString());

        var bad = await api.GetAsync(new Uri("/api/v1/structures/pref-73/actions?status=finie", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await bad.JsonAsync();
        Assert.Contains("« finie » n'est pas une valeur admise", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_structure_of_another_department_does_not_see_the_plan()
    {
        using var lozere = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);
        Assert.True(Refusal.IsRefused(await lozere.GetAsync(Plan)));
        using var api = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(new Uri("/api/v1/structures/pref-73/actions", UriKind.Relative))).StatusCode);
    }
}
