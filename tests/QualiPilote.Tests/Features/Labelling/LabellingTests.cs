using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Features.ActionPlan;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Labelling;

namespace QualiPilote.Tests.Features.Labelling;

public class LabellingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Timeline_shows_what_comes_next_with_the_late_step_and_the_past_steps()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var page = await agent.GetPageAsync("/structures/pref-73/retroplanning");

        var upcoming = page.QuerySelectorAll("#a-venir + ol > li").Select(li => li.QuerySelector("p")!.TextContent.Trim()).ToList();
        Assert.StartsWith("13/11/2026 – Dossier de candidature transmis", upcoming[0], StringComparison.Ordinal);
        Assert.EndsWith("En retard", upcoming[0], StringComparison.Ordinal);
        Assert.Contains(upcoming, u => u.StartsWith("15/12/2026 – Clôture de l'auto-diagnostic 2026", StringComparison.Ordinal));
        Assert.Contains(upcoming, u => u.StartsWith("16/03/2027 – Audit de certification AFNOR (Quali-ATE)", StringComparison.Ordinal));
        var past = page.QuerySelectorAll("#passees + ol > li").Select(li => li.QuerySelector("p")!.TextContent.Trim()).ToList();
        Assert.Contains(past, p => p.StartsWith("24/05/2025 – Échéance du label obtenu le 24/05/2022", StringComparison.Ordinal) && p.EndsWith("Échue", StringComparison.Ordinal));
        Assert.Contains(past, p => p.StartsWith("23/05/2022 – Audit externe de labellisation Socotec", StringComparison.Ordinal) || p.StartsWith("24/05/2022 – Audit externe de labellisation Socotec", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.TextContent.Contains("Ajouter une étape", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Obtaining_the_label_sets_its_expiry_three_years_later_and_keeps_it_in_step()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync("/structures/sgcd-73/retroplanning/nouvelle");
        var created = await referent.SubmitAsync(form, "main form", new()
        {
            ["Input.Kind"] = "LabelObtained",
            ["Input.Title"] = "Label Quali-ATE du SGCD",
            ["Input.DoneOn"] = "2026-06-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var label = await factory.WithDbAsync(db => db.Set<Milestone>().SingleAsync(m => m.Title == "Label Quali-ATE du SGCD"));
        var expiry = await factory.WithDbAsync(db => db.Set<Milestone>().SingleAsync(m => m.DerivedFromId == label.Id));
        Assert.Equal((MilestoneKind.LabelExpiry, new DateOnly(2029, 6, 30)), (expiry.Kind, expiry.PlannedOn!.Value));

        var edit = await referent.GetPageAsync($"/structures/sgcd-73/retroplanning/{label.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(edit, "main form:not([action*=Delete])", new() { ["Input.DoneOn"] = "2026-07-15" })).StatusCode);
        Assert.Equal(new DateOnly(2029, 7, 15), await factory.WithDbAsync(db => db.Set<Milestone>().Where(m => m.DerivedFromId == label.Id).Select(m => m.PlannedOn!.Value).SingleAsync()));

        var timeline = await referent.GetPageAsync("/structures/sgcd-73/retroplanning");
        Assert.Contains(timeline.QuerySelectorAll("#a-venir + ol > li"), li => li.TextContent.Contains("15/07/2029 – Échéance du label obtenu le 15/07/2026", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await referent.PostAsync($"/structures/sgcd-73/retroplanning/{label.Id}?handler=Delete")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Set<Milestone>().AnyAsync(m => m.Id == label.Id || m.DerivedFromId == label.Id)));
    }

    [Fact]
    public async Task A_done_date_in_the_future_or_no_date_is_refused_in_french()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var future = await api.PostAsJsonAsync("/api/v1/structures/pref-73/milestones", new { kind = "internalAudit", doneOn = "2026-12-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("ne peut pas être dans le futur", (await future.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var none = await api.PostAsJsonAsync("/api/v1/structures/pref-73/milestones", new { kind = "other", title = "Sans date" });
        Assert.Equal("plannedOn", (await none.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        var ok = await api.PostAsJsonAsync("/api/v1/structures/pref-73/milestones", new { kind = "other", title = "COPIL de préparation de l'audit AFNOR", plannedOn = "2027-02-15" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var located = await (await api.GetAsync(ok.Headers.Location)).JsonAsync();
        Assert.Equal((await ok.JsonAsync()).GetProperty("id").GetInt32(), located.GetProperty("id").GetInt32());
        var list = await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/milestones", UriKind.Relative))).JsonAsync();
        var copil = list.EnumerateArray().Single(m => m.GetProperty("label").GetString() == "COPIL de préparation de l'audit AFNOR");
        Assert.Equal("planned", copil.GetProperty("state").GetString());

        using var relay = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await relay.DeleteAsync(new Uri($"/api/v1/structures/pref-73/milestones/{copil.GetProperty("id").GetInt32()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(new Uri($"/api/v1/structures/pref-73/milestones/{copil.GetProperty("id").GetInt32()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Auditor_and_relay_referent_do_not_change_the_timeline()
    {
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        Assert.True(Refusal.IsRefused(await auditor.GetAsync("/structures/pref-73/retroplanning")));
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        Assert.True(Refusal.IsRefused(await relay.GetAsync("/structures/pref-73/retroplanning/nouvelle")));
        Assert.True(Refusal.IsRefused(await relay.PostAsync("/structures/pref-73/retroplanning/nouvelle", new() { ["Input.Kind"] = "Other", ["Input.PlannedOn"] = "2027-01-01" })));
    }
}
