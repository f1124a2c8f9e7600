using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Notifications;

namespace QualiPilote.Tests.Features.Notifications;

/// <summary>The alerts beyond actions on the demo of 23/11/2026: the Savoie label expired on 24/05/2025, the 2026
/// self-assessment closes on 15/12/2026 with most rows carried over from 2025, and the e-mails answered on time in
/// T4 2026 are under the alert threshold of 75 % (the mail ones under the 80 % target).</summary>
public class QualityAlertTests(MailFolderAppFactory factory) : IClassFixture<MailFolderAppFactory>
{
    private async Task<ReminderRun> RunAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<ActionReminderJob>().RunAsync("test");
    }

    private Task<List<Notification>> OfAsync(string email, NotificationKind kind) =>
        factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.User.Email == email && n.Kind == kind).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task Each_kind_is_created_when_due_once_and_for_the_structure_s_referents_only()
    {
        await RunAsync();
        var referent = DemoData.SavoieReferent.Email;

        var label = Assert.Single(await OfAsync(referent, NotificationKind.LabelExpiry));
        Assert.Equal("Label échu : « Label Qual-e-pref (modules 1 et 7) » (Préfecture de la Savoie (démo)) – arrivé à échéance le 24/05/2025, sans renouvellement enregistré", label.Title);
        Assert.Equal("/structures/pref-73/retroplanning", label.Url);

        var campaign = Assert.Single(await OfAsync(referent, NotificationKind.CampaignDeadline));
        Assert.StartsWith("Clôture de l'auto-diagnostic 2026 proche (Préfecture de la Savoie (démo)) – prévue le 15/12/2026 ; ", campaign.Title, StringComparison.Ordinal);
        Assert.Contains("repris de 2025 à confirmer", campaign.Title, StringComparison.Ordinal);
        Assert.Equal("/structures/pref-73/auto-diagnostic/2026", campaign.Url);

        var indicators = await OfAsync(referent, NotificationKind.IndicatorAlert);
        var emails = Assert.Single(indicators, n => n.Title.Contains("courriels", StringComparison.Ordinal) && n.StructureId == label.StructureId);
        Assert.StartsWith("Indicateur sous son seuil d'alerte : ", emails.Title, StringComparison.Ordinal);
        Assert.Contains("en T4 2026, seuil d'alerte 75,00\u00a0%, cible ≥ 80,00\u00a0%", emails.Title, StringComparison.Ordinal);
        Assert.Equal("/structures/pref-73/indicateurs/delai-courriels/2026-T4", emails.Url);
        // The figure is the drill-down's: the notification's value is the one the drill-down page shows.
        using var browser = await Browser.LoginAsync(factory, referent);
        var drillDown = await browser.GetPageAsync(emails.Url);
        var value = emails.Title.Split(" – ")[1].Split(" en ")[0];
        Assert.Contains(value, drillDown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The DCL relay referent answers requirements: told of the campaign, not of the label nor of the indicators.
        Assert.Single(await OfAsync(DemoData.SavoieRelay.Email, NotificationKind.CampaignDeadline));
        Assert.Empty(await OfAsync(DemoData.SavoieRelay.Email, NotificationKind.LabelExpiry));
        Assert.Empty(await OfAsync(DemoData.SavoieRelay.Email, NotificationKind.IndicatorAlert));
        // Agents, auditors and the other prefecture's referent hear nothing of Savoie.
        foreach (var email in new[] { DemoData.SavoieAgent.Email, DemoData.SavoieAuditor.Email })
        {
            Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.User.Email == email)));
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.User.Email == DemoData.LozereReferent.Email && n.Title.Contains("Savoie"))));

        // Computing again, even the next days, notifies nobody twice.
        var count = await factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.EventKey != null));
        var again = await RunAsync();
        Assert.Equal(0, again.Notifications);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await RunAsync();
        Assert.Equal(count, await factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.EventKey != null)));
    }

    [Fact]
    public async Task Nothing_is_created_when_nothing_is_due()
    {
        await using var scope = factory.Scope();
        var alerts = scope.ServiceProvider.GetRequiredService<QualityAlerts>();
        var structures = await factory.WithDbAsync(db => db.Structures.AsNoTracking().ToListAsync());
        var savoie = structures.Single(s => s.Code == "pref-73");

        // A label expiring in more than 6 months: nothing; under 6 months: the 6-month warning; under 1 month: the 1-month one.
        var expiry = await factory.WithDbAsync(db => db.Set<Milestone>().SingleAsync(m => m.StructureId == savoie.Id && m.Kind == MilestoneKind.LabelExpiry));
        var expiresOn = expiry.PlannedOn!.Value;
        Assert.Empty(await alerts.LabelAlertsAsync(structures, expiresOn.AddMonths(-7)));
        Assert.EndsWith("/6-mois", Assert.Single(await alerts.LabelAlertsAsync(structures, expiresOn.AddMonths(-5))).EventKey, StringComparison.Ordinal);
        Assert.EndsWith("/3-mois", Assert.Single(await alerts.LabelAlertsAsync(structures, expiresOn.AddMonths(-2))).EventKey, StringComparison.Ordinal);
        Assert.EndsWith("/1-mois", Assert.Single(await alerts.LabelAlertsAsync(structures, expiresOn.AddDays(-10))).EventKey, StringComparison.Ordinal);
        Assert.DoesNotContain(await alerts.LabelAlertsAsync(structures, expiresOn), a => a.EventKey.EndsWith("/echu", StringComparison.Ordinal));

        // The campaign deadline: nothing more than 30 days before it; passed after it.
        var deadline = new DateOnly(2026, 12, 15);
        Assert.Empty(await alerts.CampaignAlertsAsync(structures, deadline.AddDays(-31)));
        Assert.StartsWith("Clôture de l'auto-diagnostic 2026 dépassée", Assert.Single(await alerts.CampaignAlertsAsync(structures, deadline.AddDays(1))).Title, StringComparison.Ordinal);

        // Indicators: Q3 2026, a complete quarter, met every target (seen from 15/10/2026, before T4 has answers that count).
        var q3 = await alerts.IndicatorAlertsAsync(savoie, new DateOnly(2026, 10, 1));
        Assert.DoesNotContain(q3, a => a.EventKey.Contains("/2026-T3/", StringComparison.Ordinal) && a.Title.Contains("courriels", StringComparison.Ordinal));
    }
}
