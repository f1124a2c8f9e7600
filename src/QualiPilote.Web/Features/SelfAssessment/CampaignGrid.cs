using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>A campaign as the grid shows it: its modules (with the services deploying them), engagements and rows.</summary>
public sealed class CampaignGrid(SelfAssessmentCampaign campaign, IReadOnlyList<GridModule> modules)
{
    public SelfAssessmentCampaign Campaign { get; } = campaign;
    public IReadOnlyList<GridModule> Modules { get; } = modules;
    public IEnumerable<GridEngagement> Engagements => Modules.SelectMany(m => m.Engagements);
    public IEnumerable<GridRow> Rows => Engagements.SelectMany(e => e.Rows);
    public RealisationRate Rate => RealisationRate.Of(Rows.Select(r => r.Status));

    /// <summary>Rows assessed this year: a status, and not merely carried over from last year.</summary>
    public int Confirmed => Rows.Count(r => r.Status is not null && !r.Assessment.CarriedOver);

    public int CarriedOver => Rows.Count(r => r.Assessment.CarriedOver);

    public IEnumerable<Service> Services => Modules.SelectMany(m => m.Services).DistinctBy(s => s.Id).OrderBy(s => s.Code, StringComparer.Ordinal);

    /// <summary>A service's rate: the requirements of the modules it deploys.</summary>
    public RealisationRate RateOfService(int serviceId) =>
        RealisationRate.Of(Modules.Where(m => m.Services.Any(s => s.Id == serviceId)).SelectMany(m => m.Rows).Select(r => r.Status));

    public GridModule? Module(int number) => Modules.FirstOrDefault(m => m.Module.Number == number);

    public GridEngagement? Engagement(int number) => Engagements.FirstOrDefault(e => e.Engagement.Number == number);
}

public sealed record GridModule(Module Module, IReadOnlyList<Service> Services, IReadOnlyList<GridEngagement> Engagements)
{
    public IEnumerable<GridRow> Rows => Engagements.SelectMany(e => e.Rows);
    public RealisationRate Rate => RealisationRate.Of(Rows.Select(r => r.Status));
    public string ServiceCodes => Services.Count == 0 ? "aucun service désigné" : string.Join(", ", Services.Select(s => s.Code));
}

public sealed record GridEngagement(Engagement Engagement, IReadOnlyList<GridRow> Rows)
{
    public RealisationRate Rate => RealisationRate.Of(Rows.Select(r => r.Status));
    public string Anchor => $"engagement-{Engagement.Number}";
}

public sealed record GridRow(RequirementAssessment Assessment, Requirement Requirement, Engagement Engagement, IReadOnlyList<Evidence> Evidence, ImprovementAction? Action)
{
    public AssessmentStatus? Status => Assessment.Status;

    /// <summary>"15.1": engagement number, then the requirement's rank.</summary>
    public string Code => $"{Engagement.Number}.{Requirement.Number}";

    public string Anchor => $"exigence-{Engagement.Number}-{Requirement.Number}";

    public bool IsGap => Status.IsGap();

    /// <summary>Until the auditor's expectations are imported, the referential's single requirement repeats its engagement
    /// (its text, or a placeholder): the pages then show the engagement once and no requirement text.</summary>
    public bool RepeatsEngagement => RequirementText.RepeatsEngagement(Requirement, Engagement);

    /// <summary>The requirement's own words, or the engagement's when it only repeats it (lists outside the engagement's heading).</summary>
    public string DisplayText => RepeatsEngagement ? Engagement.Text : Requirement.Text;
}
