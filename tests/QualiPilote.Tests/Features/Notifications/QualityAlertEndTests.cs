using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Notifications;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.Notifications;

/// <summary>What stops the label and campaign alerts, on a copy of the demo of its own (it changes the data).</summary>
public class QualityAlertEndTests(MailFolderAppFactory factory) : IClassFixture<MailFolderAppFactory>
{
    [Fact]
    public async Task A_label_renewed_or_a_campaign_fully_answered_is_not_announced()
    {
        await using var scope = factory.Scope();
        var alerts = scope.ServiceProvider.GetRequiredService<QualityAlerts>();
        var structures = await factory.WithDbAsync(db => db.Structures.AsNoTracking().ToListAsync());
        var savoie = structures.Single(s => s.Code == "pref-73");
        var today = new DateOnly(2026, 11, 23);
        Assert.Single(await alerts.LabelAlertsAsync(structures, today));
        Assert.Single(await alerts.CampaignAlertsAsync(structures, today));

        await factory.WithDbAsync(async db =>
        {
            db.Add(new Milestone { StructureId = savoie.Id, Kind = MilestoneKind.LabelObtained, Title = "Renouvellement", PlannedOn = new(2025, 5, 20), DoneOn = new(2025, 5, 20) });
            var rows = await db.Set<RequirementAssessment>().Where(a => a.Campaign.StructureId == savoie.Id && a.Campaign.Year == 2026).ToListAsync();
            foreach (var row in rows)
            {
                row.CarriedOver = false;
                row.Status ??= AssessmentStatus.Done;
            }
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await alerts.LabelAlertsAsync(structures, today), a => a.Structure.Id == savoie.Id && a.Title.Contains("Qual-e-pref", StringComparison.Ordinal));
        Assert.Empty(await alerts.CampaignAlertsAsync(structures, today));
    }
}
