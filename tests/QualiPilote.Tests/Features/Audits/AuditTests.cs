using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Labelling;

namespace QualiPilote.Tests.Features.Audits;

public class AuditTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<(int AuditId, int FindingId)> FindingAsync(string descriptionStart) =>
        factory.WithDbAsync(db => db.Set<AuditFinding>().Where(f => f.Description.StartsWith(descriptionStart))
            .Select(f => new ValueTuple<int, int>(f.AuditId, f.Id)).SingleAsync());

    private static string Visible(AngleSharp.Dom.IElement element)
    {
        var clone = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var hidden in clone.QuerySelectorAll(".fr-sr-only").ToList())
        {
            hidden.Remove();
        }
        return clone.TextContent.Trim();
    }

    [Fact]
    public async Task Audit_page_shows_the_seeded_socotec_audit_and_its_findings_summary_by_type()
    {
        var (auditId, _) = await FindingAsync("Au point numérique");
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var page = await agent.GetPageAsync($"/structures/pref-73/audits/{auditId}");

        Assert.Equal("Audit externe de certification – Socotec", page.QuerySelector("h1")!.TextContent.Trim());
        var facts = page.QuerySelector("main dl")!.TextContent;
        Assert.Contains("23/05/2022 au 24/05/2022", facts, StringComparison.Ordinal);
        Assert.Contains("Module 1 – Relation générale avec les usagers ; Module 7 – Communication de crise", facts, StringComparison.Ordinal);
        var summary = page.QuerySelectorAll("main table")[0].QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(Visible).ToArray());
        Assert.Equal(["0", "0"], summary["Non-conformité majeure"]);
        Assert.Equal(["1", "1"], summary["Non-conformité mineure"]);
        Assert.Equal(["2", "1"], summary["Point sensible"]);
        Assert.Equal(["1", "1"], summary["Piste de progrès"]);
        Assert.Equal(["1", "sans objet"], summary["Point fort"]);
        Assert.Equal(["5", "3"], summary["Total"]);
        // Each count leads to its findings.
        var sensitive = page.QuerySelectorAll("main table")[0].QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Point sensible", StringComparison.Ordinal))
            .QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/structures/pref-73/audits/{auditId}?type=SensitivePoint#constats", sensitive);
        var filtered = await agent.GetPageAsync(sensitive.Split('#')[0]);
        Assert.Equal(2, filtered.QuerySelectorAll("li[id^=constat-]").Length);
        Assert.All(filtered.QuerySelectorAll("li[id^=constat-] .fr-badge"), b => Assert.Equal("Point sensible", b.TextContent.Trim()));
        // An agent reads the audit but is offered no change.
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task A_finding_becomes_an_action_in_one_click_linked_both_ways()
    {
        var (auditId, findingId) = await FindingAsync("Le temps d'attente au standard"); // internal audit, point sensible, E8, CAB
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var audit = await referent.GetPageAsync($"/structures/pref-73/audits/{auditId}");
        var response = await referent.SubmitAsync(audit, $"#constat-{findingId} form[action*='handler=Action']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (finding, action) = await factory.WithDbAsync(async db =>
        {
            var f = await db.Set<AuditFinding>().AsNoTracking().Include(x => x.Engagement).SingleAsync(x => x.Id == findingId);
            var a = await db.Set<ImprovementAction>().AsNoTracking().Include(x => x.Engagements).Include(x => x.Service).SingleAsync(x => x.Id == f.ActionId);
            return (f, a);
        });
        Assert.Equal($"/structures/pref-73/actions/{action.Id}/modifier", response.Headers.Location!.OriginalString);
        Assert.Equal(ActionOrigin.AuditFinding, action.Origin);
        Assert.Equal(OriginKind.AuditFinding, action.OriginKind);
        Assert.Equal(findingId, action.OriginId);
        Assert.Equal("Audit interne Cellule de la performance et de la modernisation (SGCD) du 06/10/2026 : point sensible, engagement 8", action.OriginDetail);
        Assert.Equal([finding.EngagementId!.Value], action.Engagements.Select(e => e.EngagementId));
        Assert.Equal("CAB", action.Service!.Code);
        Assert.StartsWith("Point sensible – Le temps d'attente au standard", action.Title, StringComparison.Ordinal);

        // Forward: the audit shows the action; back: the action links to the finding.
        var auditAfter = await referent.GetPageAsync($"/structures/pref-73/audits/{auditId}");
        Assert.Equal($"/structures/pref-73/actions/{action.Id}", auditAfter.QuerySelector($"#constat-{findingId} a")!.GetAttribute("href"));
        var details = await referent.GetPageAsync($"/structures/pref-73/actions/{action.Id}");
        Assert.Equal($"/structures/pref-73/audits/{auditId}#constat-{findingId}",
            details.QuerySelectorAll("main dl a").Single(a => a.TextContent.Contains("origine", StringComparison.Ordinal)).GetAttribute("href"));

        // A second click creates nothing more.
        var again = await referent.PostAsync($"/structures/pref-73/audits/{auditId}/constats/{findingId}?handler=Action");
        Assert.Equal(response.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<ImprovementAction>().CountAsync(a => a.OriginKind == OriginKind.AuditFinding && a.OriginId == findingId)));
    }

    [Fact]
    public async Task Api_turns_a_finding_into_an_action_once_and_refuses_a_strength()
    {
        var (auditId, findingId) = await FindingAsync("Exploiter les avis « Je donne mon avis »");
        var (_, strengthId) = await FindingAsync("Exercices de crise réguliers");
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);

        var created = await api.PostAsync(new Uri($"/api/v1/structures/pref-73/audits/{auditId}/findings/{findingId}/action", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var actionId = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var again = await api.PostAsync(new Uri($"/api/v1/structures/pref-73/audits/{auditId}/findings/{findingId}/action", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(actionId, (await again.JsonAsync()).GetProperty("id").GetInt32());

        var strength = await api.PostAsync(new Uri($"/api/v1/structures/pref-73/audits/{auditId}/findings/{strengthId}/action", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strength.StatusCode);
        Assert.Contains("un point fort n'appelle pas d'action", (await strength.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var audit = await (await api.GetAsync(new Uri($"/api/v1/structures/pref-73/audits/{auditId}", UriKind.Relative))).JsonAsync();
        var finding = audit.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == findingId);
        Assert.Equal(actionId, finding.GetProperty("actionId").GetInt32());
        var summary = audit.GetProperty("summary").EnumerateArray().ToDictionary(s => s.GetProperty("type").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["majorNonConformity"] = 1, ["minorNonConformity"] = 1, ["sensitivePoint"] = 1, ["improvementTrack"] = 1, ["strength"] = 1 }, summary);
    }

    [Fact]
    public async Task Creating_an_audit_puts_it_on_the_timeline_and_findings_stay_in_its_scope()
    {
        var (quali, e8, e39) = await factory.WithDbAsync(async db => (
            await db.Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).SingleAsync(),
            await db.Engagements.Where(e => e.Referential.Code == "quali-ate" && e.Number == 8).Select(e => e.Id).SingleAsync(),
            await db.Engagements.Where(e => e.Referential.Code == "quali-ate" && e.Number == 39).Select(e => e.Id).SingleAsync()));
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync($"/structures/pref-73/audits/nouveau?ReferentialId={quali}");
        var response = await referent.SubmitAsync(form, "main form[method=post]", new()
        {
            ["Input.Kind"] = "FollowUp",
            ["Input.Body"] = "AFNOR Certification",
            ["Input.StartDate"] = "2028-03-14",
            ["Input.EndDate"] = "2028-03-14",
            ["Input.Modules"] = "1\n",
            ["Input.Services"] = "CAB\nDCL\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auditId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var milestone = await factory.WithDbAsync(db => db.Set<Milestone>().SingleAsync(m => m.AuditId == auditId));
        Assert.Equal((MilestoneKind.ExternalAudit, new DateOnly(2028, 3, 14), (DateOnly?)null), (milestone.Kind, milestone.PlannedOn!.Value, milestone.DoneOn));

        var findingForm = await referent.GetPageAsync($"/structures/pref-73/audits/{auditId}/constats/nouveau");
        Assert.NotNull(findingForm.QuerySelector($"#Input-EngagementId option[value='{e8}']"));
        Assert.Null(findingForm.QuerySelector($"#Input-EngagementId option[value='{e39}']"));
        var outOfScope = await referent.PostAsync($"/structures/pref-73/audits/{auditId}/constats/nouveau",
            new() { ["Input.Type"] = "MinorNonConformity", ["Input.EngagementId"] = $"{e39}", ["Input.Description"] = "Hors champ" });
        Assert.Equal(HttpStatusCode.OK, outOfScope.StatusCode);
        Assert.Contains("n'est pas dans le champ de l'audit", (await Browser.ParseAsync(outOfScope)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        var added = await referent.SubmitAsync(findingForm, "main form", new() { ["Input.Type"] = "MinorNonConformity", ["Input.EngagementId"] = $"{e8}", ["Input.Description"] = "Attente au standard supérieure à 5 minutes." });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("#constat-", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_is_uploaded_checked_and_served_only_to_those_who_see_audits()
    {
        var (auditId, _) = await FindingAsync("Le temps d'attente au standard");
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var edit = await referent.GetPageAsync($"/structures/pref-73/audits/{auditId}/modifier");

        var refused = await referent.SubmitAsync(edit, "form[enctype='multipart/form-data']", [], new() { ["report"] = ("rapport.exe", [1, 2, 3]) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("type de fichier « .exe » non accepté", (await Browser.ParseAsync(refused)).QuerySelector("#Report-messages")!.TextContent, StringComparison.Ordinal);

        var pdf = "%PDF-1.4 rapport d'audit interne"u8.ToArray();
        var uploaded = await referent.SubmitAsync(edit, "form[enctype='multipart/form-data']", [], new() { ["report"] = ("rapport-audit-interne-2026.pdf", pdf) });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        using var download = await agent.GetAsync($"/structures/pref-73/audits/{auditId}/rapport");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/structures/pref-73/audits/{auditId}/rapport")).StatusCode); // auditors read audits
        using var lozere = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await lozere.GetAsync(new Uri($"/api/v1/structures/pref-73/audits/{auditId}/report", UriKind.Relative))).StatusCode);
        using var relayApi = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Equal(pdf, await relayApi.GetByteArrayAsync(new Uri($"/api/v1/structures/pref-73/audits/{auditId}/report", UriKind.Relative)));
    }

    [Fact]
    public async Task Api_records_an_audit_and_refuses_bad_input_in_french()
    {
        var quali = await factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).SingleAsync());
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var bad = await api.PostAsJsonAsync("/api/v1/structures/pref-73/audits",
            new { kind = "internal", body = "Équipe interne", referentialId = quali, startDate = "2027-01-20", endDate = "2027-01-19", modules = new[] { 1, 12 }, services = new[] { "XYZ" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var fields = (await bad.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["endDate", "modules", "services"], fields);

        var created = await api.PostAsJsonAsync("/api/v1/structures/pref-73/audits",
            new { kind = "internal", body = "Équipe interne", referentialId = quali, startDate = "2027-01-20", endDate = "2027-01-21", modules = new[] { 1, 2 }, services = new[] { "SG" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var audit = await created.JsonAsync();
        Assert.Equal([1, 2], audit.GetProperty("modules").EnumerateArray().Select(m => m.GetInt32()));

        using var relay = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var forbidden = await relay.PostAsJsonAsync("/api/v1/structures/pref-73/audits",
            new { kind = "internal", body = "Relais", referentialId = quali, startDate = "2027-01-20", endDate = "2027-01-21" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
