using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>Something the daily job should tell the referents of a structure about, beyond actions. <see cref="EventKey"/>
/// names the thing and its stage: the same key is never notified twice to the same person.</summary>
public sealed record QualityAlert(Structure Structure, NotificationKind Kind, string EventKey, string Title, string Url, bool ToRelayReferents);

/// <summary>Finds, on a day, the indicator alerts, the labels nearing or past their expiry and the self-assessment
/// deadlines near or past with requirements still unanswered. It decides nothing about people: the job picks the
/// recipients and skips what was already notified.</summary>
public sealed class QualityAlerts(AppDbContext db, IndicatorQuery indicators, CampaignQuery campaigns, LinkGenerator links)
{
    /// <summary>Stages before a label's expiry, in months, the latest first.</summary>
    public static readonly int[] LabelWarningMonths = [1, 3, 6];

    public async Task<List<QualityAlert>> FindAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var alerts = new List<QualityAlert>();
        foreach (var structure in structures)
        {
            alerts.AddRange(await IndicatorAlertsAsync(structure, today, cancellationToken));
        }
        alerts.AddRange(await LabelAlertsAsync(structures, today, cancellationToken));
        alerts.AddRange(await CampaignAlertsAsync(structures, today, cancellationToken));
        return alerts;
    }

    /// <summary>The latest period of each indicator (by its periodicity: the current month, quarter or year when it has a
    /// value, else the previous one), computed by the dashboards' own query, when it misses its target.</summary>
    public async Task<List<QualityAlert>> IndicatorAlertsAsync(Structure structure, DateOnly today, CancellationToken cancellationToken = default)
    {
        var month = Period.OfMonth(today.Year, today.Month);
        var quarter = Period.QuarterOf(today);
        var year = Period.OfYear(today.Year);
        Period[] periods = [month, month.Previous, quarter, quarter.Previous, year, year.Previous];
        var results = await indicators.ComputeAsync(structure, periods, cancellationToken: cancellationToken);
        var alerts = new List<QualityAlert>();
        foreach (var byIndicator in results.GroupBy(r => r.Indicator.Id))
        {
            var indicator = byIndicator.First().Indicator;
            var current = indicator.Periodicity switch
            {
                IndicatorPeriodicity.Monthly => month,
                IndicatorPeriodicity.Quarterly => quarter,
                _ => year,
            };
            var latest = byIndicator.FirstOrDefault(r => r.Period == current && r.Value is not null)
                ?? byIndicator.FirstOrDefault(r => r.Period == current.Previous);
            if (latest is null || !latest.NeedsAttention)
            {
                continue;
            }
            var alert = latest.Status == IndicatorStatus.Alert;
            var title = alert
                ? $"Indicateur sous son seuil d'alerte : « {indicator.Label} » ({structure.Name}) – {latest.Format()} en {latest.Period.Label}, seuil d'alerte {IndicatorEditor.Format(indicator, latest.AlertThreshold)}, cible {latest.FormatTarget()}"
                : $"Indicateur sous sa cible : « {indicator.Label} » ({structure.Name}) – {latest.Format()} en {latest.Period.Label}, cible {latest.FormatTarget()}";
            alerts.Add(new QualityAlert(structure, NotificationKind.IndicatorAlert,
                $"indicateur-{indicator.Id}/{latest.Period.Key}/{(alert ? "alerte" : "cible")}", title,
                DrillDownLinks.Of(links, structure.Code).For(latest), ToRelayReferents: false));
        }
        return alerts;
    }

    /// <summary>Label expiries 6, 3 and 1 month ahead, then once passed; an expiry followed by a newer label obtained is
    /// no longer announced (the structure was labelled again).</summary>
    public async Task<List<QualityAlert>> LabelAlertsAsync(List<Structure> structures, DateOnly today, CancellationToken cancellationToken = default)
    {
        var milestones = await db.Set<Milestone>().AsNoTracking().Include(m => m.DerivedFrom)
            .Where(m => m.Kind == MilestoneKind.LabelExpiry || (m.Kind == MilestoneKind.LabelObtained && m.DoneOn != null))
            .ToListAsync(cancellationToken);
        var alerts = new List<QualityAlert>();
        foreach (var expiry in milestones.Where(m => m.Kind == MilestoneKind.LabelExpiry && m.PlannedOn is not null))
        {
            var expiresOn = expiry.PlannedOn!.Value;
            var obtainedOn = expiry.DerivedFrom?.DoneOn ?? expiresOn.AddYears(-Milestone.LabelValidityYears);
            if (milestones.Any(m => m.Kind == MilestoneKind.LabelObtained && m.StructureId == expiry.StructureId && m.DoneOn > obtainedOn))
            {
                continue;
            }
            var structure = structures.Single(s => s.Id == expiry.StructureId);
            var label = expiry.DerivedFrom?.Label ?? expiry.Label;
            string stage, title;
            if (expiry.StateOn(today) == MilestoneState.Expired)
            {
                stage = "echu";
                title = $"Label échu : « {label} » ({structure.Name}) – arrivé à échéance le {Fr.Date(expiresOn)}, sans renouvellement enregistré";
            }
            else if (LabelWarningMonths.FirstOrDefault(months => today >= expiresOn.AddMonths(-months)) is var months and > 0)
            {
                stage = $"{months}-mois";
                title = $"Échéance du label dans moins de {months} mois : « {label} » ({structure.Name}) – le label arrive à échéance le {Fr.Date(expiresOn)}";
            }
            else
            {
                continue;
            }
            alerts.Add(new QualityAlert(structure, NotificationKind.LabelExpiry, $"jalon-{expiry.Id}/{expiresOn:yyyy-MM-dd}/{stage}", title,
                links.GetPathByPage("/Labelling/Index", values: new { code = structure.Code })!, ToRelayReferents: false));
        }
        return alerts;
    }

    /// <summary>The planned "closing of the self-assessment" steps of the timeline that are near (30 days) or passed and
    /// not done, for the open campaign of that year (or of the year before, for a closing in January) while some of
    /// its requirements have no answer of the year (never assessed, or carried over and not confirmed).</summary>
    public async Task<List<QualityAlert>> CampaignAlertsAsync(List<Structure> structures, DateOnly today, CancellationToken cancellationToken = default)
    {
        var limit = today.AddDays(ActionDeadlines.DueSoonDays);
        var deadlines = await db.Set<Milestone>().AsNoTracking()
            .Where(m => m.Kind == MilestoneKind.SelfAssessmentClosed && m.DoneOn == null && m.PlannedOn != null && m.PlannedOn <= limit)
            .ToListAsync(cancellationToken);
        if (deadlines.Count == 0)
        {
            return [];
        }
        var structureIds = deadlines.Select(d => d.StructureId).Distinct().ToList();
        var open = await db.Set<SelfAssessmentCampaign>().AsNoTracking()
            .Where(c => structureIds.Contains(c.StructureId) && c.ClosedAt == null).ToListAsync(cancellationToken);
        var summaries = await campaigns.SummarizeAsync(open, cancellationToken);
        var alerts = new List<QualityAlert>();
        foreach (var deadline in deadlines)
        {
            var on = deadline.PlannedOn!.Value;
            var campaign = open.FirstOrDefault(c => c.StructureId == deadline.StructureId && c.Year == on.Year)
                ?? open.FirstOrDefault(c => c.StructureId == deadline.StructureId && c.Year == on.Year - 1);
            if (campaign is null)
            {
                continue;
            }
            var summary = summaries[campaign.Id];
            var unanswered = summary.Rate.Unassessed + summary.CarriedOver;
            if (unanswered == 0)
            {
                continue;
            }
            var structure = structures.Single(s => s.Id == deadline.StructureId);
            var passed = on < today;
            var what = $"{Fr.Count(unanswered, "sous-engagement")} sans réponse de l'année"
                + (summary.CarriedOver > 0 ? $", dont {Fr.Number(summary.CarriedOver)} repris de {campaign.CopiedFromYear?.ToString(Fr.Culture) ?? "l'an dernier"} à confirmer" : "");
            var title = passed
                ? $"Clôture de l'auto-diagnostic {campaign.Year} dépassée ({structure.Name}) – prévue le {Fr.Date(on)} ; {what}"
                : $"Clôture de l'auto-diagnostic {campaign.Year} proche ({structure.Name}) – prévue le {Fr.Date(on)} ; {what}";
            alerts.Add(new QualityAlert(structure, NotificationKind.CampaignDeadline,
                $"campagne-{campaign.Id}/{on:yyyy-MM-dd}/{(passed ? "depassee" : "proche")}", title,
                links.GetPathByPage("/SelfAssessment/Campaign", values: new { code = structure.Code, year = campaign.Year })!, ToRelayReferents: true));
        }
        return alerts;
    }
}
