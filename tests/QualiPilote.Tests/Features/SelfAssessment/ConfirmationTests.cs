using System.Net;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>Irreversible actions go through a confirmation page that says what will happen; a POST that did not come from it
/// changes nothing. Closing a campaign, reopening it, deleting a finding, removing a role.</summary>
public class ConfirmationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Close = "/structures/pref-73/auto-diagnostic/2026/cloture";

    [Fact]
    public async Task Closing_a_campaign_is_confirmed_with_what_stays_open_and_a_referent_can_reopen_it_in_the_journal()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var (carried, gaps) = await factory.WithDbAsync(async db =>
        {
            var rows = await db.Set<RequirementAssessment>().Where(a => a.Campaign.Year == 2026 && a.Campaign.Structure.Code == "pref-73").ToListAsync();
            return (rows.Count(r => r.CarriedOver), rows.Count(r => r.Status.IsGap() && r.ActionId == null));
        });
        Assert.True(carried > 1 && gaps > 1);

        var review = await referent.GetPageAsync(Close);
        Assert.Empty(review.QuerySelectorAll("main form[method=post]"));
        Assert.NotNull(review.QuerySelector($"main a[href='{Close}?etape=confirmation']"));

        var confirm = await referent.GetPageAsync($"{Close}?etape=confirmation");
        var text = confirm.QuerySelector(".qp-confirmation")!.TextContent;
        Assert.Contains($"{carried} réponses reprises de 2025 resteront telles quelles", text, StringComparison.Ordinal);
        Assert.Contains($"{gaps} écarts resteront sans action d'amélioration", text, StringComparison.Ordinal);
        Assert.Contains($"Réponses reprises de l'an dernier, non confirmées : {carried}", text, StringComparison.Ordinal);
        Assert.Contains($"Écarts sans action d'amélioration : {gaps}", text, StringComparison.Ordinal);
        Assert.Contains("/auto-diagnostic/2026/modules/", confirm.QuerySelector(".qp-confirmation li a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(Close, confirm.QuerySelector(".qp-confirmation a.fr-btn--secondary")!.GetAttribute("href"));

        // A POST that did not go through the confirmation (the old one-click form) only shows the confirmation.
        var oneClick = await referent.PostAsync(Close, new() { ["Note"] = "trop vite" });
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(oneClick)).QuerySelector(".qp-confirmation"));
        Assert.Null((await factory.CampaignAsync(2026)).ClosedAt);

        var closed = await referent.SubmitAsync(confirm, ".qp-confirmation form", new() { ["Note"] = "Présenté au COPIL." });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.NotNull((await factory.CampaignAsync(2026)).ClosedAt);

        // Reopening: refused to a relay referent, confirmed by the quality referent, written in the journal.
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Contains("/acces-refuse", (await relay.GetAsync(Close)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var relayPost = await relay.PostAsync($"{Close}?handler=Reopen", new() { ["confirmation"] = "oui" });
        Assert.Contains("/acces-refuse", relayPost.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.NotNull((await factory.CampaignAsync(2026)).ClosedAt);

        var grid = await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/2026");
        Assert.NotNull(grid.QuerySelector($"nav.qp-subnav a[href='{Close}']"));
        var reopenPage = await referent.GetPageAsync(Close);
        Assert.Contains("Rouvrir la campagne 2026 ?", reopenPage.QuerySelector(".qp-confirmation")!.TextContent, StringComparison.Ordinal);
        var unconfirmed = await referent.PostAsync($"{Close}?handler=Reopen");
        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.NotNull((await factory.CampaignAsync(2026)).ClosedAt);

        var reopened = await referent.SubmitAsync(reopenPage, ".qp-confirmation form", new());
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var campaign = await factory.CampaignAsync(2026);
        Assert.Null(campaign.ClosedAt);
        var entry = await factory.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == nameof(SelfAssessmentCampaign) && e.EntityId == campaign.Id.ToString())
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Contains("ClosedAt", entry.Before, StringComparison.Ordinal);
        Assert.Equal(DemoData.SavoieReferent.Email, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == entry.UserId).Select(u => u.Email).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_a_finding_is_confirmed_and_a_direct_post_deletes_nothing()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var finding = await factory.WithDbAsync(db => db.Set<AuditFinding>().Include(f => f.Action)
            .Where(f => f.Audit.Structure.Code == "pref-73" && f.ActionId != null).OrderBy(f => f.Id).FirstAsync());
        var path = $"/structures/pref-73/audits/{finding.AuditId}/constats/{finding.Id}";

        var details = await referent.GetPageAsync($"/structures/pref-73/audits/{finding.AuditId}");
        Assert.NotNull(details.QuerySelector($"#constat-{finding.Id} a[href='{path}/supprimer']"));
        Assert.Empty(details.QuerySelectorAll("form[action*='handler=Delete']"));

        var confirm = await referent.GetPageAsync($"{path}/supprimer");
        var text = confirm.QuerySelector("main")!.TextContent;
        Assert.Contains(finding.Description[..20], text, StringComparison.Ordinal);
        Assert.Contains($"L'action « {finding.Action!.Title} »", text, StringComparison.Ordinal);
        Assert.Contains("reste au plan d'action", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await referent.PostAsync($"{path}?handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await referent.PostAsync($"{path}/supprimer")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditFinding>().AnyAsync(f => f.Id == finding.Id)));

        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var refused = await agent.PostAsync($"{path}/supprimer", new() { ["confirmation"] = "oui" });
        Assert.Contains("/acces-refuse", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditFinding>().AnyAsync(f => f.Id == finding.Id)));

        var deleted = await referent.SubmitAsync(confirm, ".qp-confirmation form", new());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Set<AuditFinding>().AnyAsync(f => f.Id == finding.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Set<QualiPilote.Web.Features.ActionPlan.ImprovementAction>().AnyAsync(a => a.Id == finding.ActionId)));
    }

    [Fact]
    public async Task Removing_a_role_is_confirmed_oneself_is_said_and_the_last_referent_stays()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        int Id(string email, string structure) => factory.WithDbAsync(db => db.Memberships.Where(m => m.User.Email == email && m.Structure.Code == structure).Select(m => m.Id).SingleAsync()).GetAwaiter().GetResult();
        var agent = Id(DemoData.SavoieAgent.Email, "pref-73");
        var own = Id(DemoData.SavoieReferent.Email, "pref-73");

        var members = await referent.GetPageAsync("/structures/pref-73/membres");
        Assert.NotNull(members.QuerySelector($"a[href='/structures/pref-73/membres/{agent}/retirer']"));
        Assert.Single(members.QuerySelectorAll("main form[method=post]"));

        // The last quality referent: the page says why, the API answers 409, nothing is removed.
        var self = await referent.GetPageAsync($"/structures/pref-73/membres/{own}/retirer");
        var selfText = self.QuerySelector("main")!.TextContent;
        Assert.Contains("Retirer votre propre rôle ?", selfText, StringComparison.Ordinal);
        Assert.Contains("Vous retirez votre propre rôle « Référent qualité »", selfText, StringComparison.Ordinal);
        Assert.Contains(MemberEditor.LastReferentMessage, self.QuerySelector("#refus")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(self.QuerySelectorAll(".qp-confirmation form"));
        Assert.Equal(HttpStatusCode.Conflict, (await referent.PostAsync($"/structures/pref-73/membres/{own}/retirer", new() { ["confirmation"] = "oui" })).StatusCode);
        using (var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email))
        {
            var refused = await api.DeleteAsync(new Uri($"/api/v1/structures/pref-73/members/{own}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("dernier référent qualité", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.True(await factory.WithDbAsync(db => db.Memberships.AnyAsync(m => m.Id == own)));

        var confirm = await referent.GetPageAsync($"/structures/pref-73/membres/{agent}/retirer");
        Assert.Contains($"{DemoData.SavoieAgent.FullName} n'aura plus le rôle « Agent »", confirm.QuerySelector(".qp-confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await referent.PostAsync($"/structures/pref-73/membres/{agent}/retirer")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Memberships.AnyAsync(m => m.Id == agent)));
        var removed = await referent.SubmitAsync(confirm, ".qp-confirmation form", new());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Memberships.AnyAsync(m => m.Id == agent)));
    }
}
