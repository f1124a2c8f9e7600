using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Realisation rates of a campaign per structure, module, engagement and service, each with the
/// previous campaign's figure beside it. Modules and engagements are compared by number only when both
/// campaigns use the same referential (a number means the same promise there).</summary>
public sealed class CampaignRates(CampaignGrid grid, CampaignGrid? previous)
{
    public CampaignGrid Grid { get; } = grid;
    public CampaignGrid? Previous { get; } = previous;
    public int? PreviousYear => Previous?.Campaign.Year;

    private bool Comparable => Previous is not null && Previous.Campaign.Referential.Code == Grid.Campaign.Referential.Code;

    public RealisationRate Structure => Grid.Rate;
    public RealisationRate? PreviousStructure => Previous?.Rate;

    public RealisationRate? PreviousOf(GridModule module) => Comparable ? Previous!.Module(module.Module.Number)?.Rate : null;

    public RealisationRate? PreviousOf(GridEngagement engagement) => Comparable ? Previous!.Engagement(engagement.Engagement.Number)?.Rate : null;

    public RealisationRate? PreviousOf(Service service) =>
        Previous is not null && Previous.Services.Any(s => s.Id == service.Id) ? Previous.RateOfService(service.Id) : null;

    public IEnumerable<(Service Service, RealisationRate Rate)> Services => Grid.Services.Select(s => (s, Grid.RateOfService(s.Id)));
}
