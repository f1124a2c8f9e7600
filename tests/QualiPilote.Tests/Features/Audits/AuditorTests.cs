using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Features.ActionPlan;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Audits;

/// <summary>The auditor reads the audits of the structures they audit, and records findings on the audits that name their
/// account – not on the others (issue 12: they got 403 on the very audit they had made).</summary>
public class AuditorTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_auditor_reads_the_audits_and_records_findings_only_on_the_audit_naming_them()
    {
        var (socotec, internalAudit) = await factory.WithDbAsync(async db => (
            await db.Set<Audit>().Where(a => a.Body == "Socotec").Select(a => a.Id).SingleAsync(),
            await db.Set<Audit>().Where(a => a.Kind == AuditKind.Internal && a.Structure.Code == "pref-73").Select(a => a.Id).FirstAsync()));
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        var list = await auditor.GetPageAsync("/structures/pref-73/audits");
        Assert.Contains("Socotec", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var details = await auditor.GetPageAsync($"/structures/pref-73/audits/{socotec}");
        Assert.Contains("compte Quali-Pilote : Marc Leroy", details.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector("a[href$='/constats/nouveau']"));
        Assert.Null(details.QuerySelector("a[href$='/modifier']"));
        Assert.Null((await auditor.GetPageAsync($"/structures/pref-73/audits/{internalAudit}")).QuerySelector("a[href$='/constats/nouveau']"));

        var form = await auditor.GetPageAsync($"/structures/pref-73/audits/{socotec}/constats/nouveau");
        var added = await auditor.SubmitAsync(form, "main form", new() { ["Input.Type"] = "SensitivePoint", ["Input.Description"] = "Affichage des horaires à revoir." });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(Refusal.IsRefused(await auditor.GetAsync($"/structures/pref-73/audits/{internalAudit}/constats/nouveau")));
        Assert.True(Refusal.IsRefused(await auditor.PostAsync($"/structures/pref-73/audits/{internalAudit}/constats/nouveau",
            new() { ["Input.Type"] = "SensitivePoint", ["Input.Description"] = "Pas mon audit" })));

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAuditor.Email);
        var dto = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/structures/pref-73/audits/{socotec}");
        Assert.Equal(DemoData.SavoieAuditor.Email, dto.GetProperty("auditorEmail").GetString());
        using var refused = await api.PostAsJsonAsync($"/api/v1/structures/pref-73/audits/{internalAudit}/findings", new { type = "sensitivePoint", description = "Pas mon audit" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var created = await api.PostAsJsonAsync($"/api/v1/structures/pref-73/audits/{socotec}/findings", new { type = "sensitivePoint", description = "Relevé par l'API" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<AuditFinding>().CountAsync(f => f.Description == "Affichage des horaires à revoir." || f.Description == "Relevé par l'API")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<AuditFinding>().CountAsync(f => f.Description == "Pas mon audit")));
    }

    [Fact]
    public async Task Only_an_auditor_member_of_the_structure_can_be_named_on_an_audit()
    {
        var socotec = await factory.WithDbAsync(db => db.Set<Audit>().Where(a => a.Body == "Socotec").Select(a => a.Id).SingleAsync());
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var edit = await referent.GetPageAsync($"/structures/pref-73/audits/{socotec}/modifier");
        Assert.Equal(DemoData.SavoieAuditor.Email, edit.QuerySelector("#Input-AuditorEmail option[selected]")?.GetAttribute("value"));
        // A forged choice: the agent's account is not offered, the request adds it.
        var forged = edit.CreateElement("option");
        forged.SetAttribute("value", DemoData.SavoieAgent.Email);
        edit.QuerySelector("#Input-AuditorEmail")!.AppendChild(forged);
        var refused = await referent.SubmitAsync(edit, "main form[method=post]:not([enctype])", new() { ["Input.AuditorEmail"] = DemoData.SavoieAgent.Email });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("n'est pas le compte d'un auditeur de cette structure", (await Browser.ParseAsync(refused)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
