namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Where a campaign stands, as the lists show it: its rate, the rows confirmed this year and those carried over
/// from last year, still to confirm. From a loaded grid, or from <see cref="CampaignQuery.SummarizeAsync"/> for a list.</summary>
public sealed record CampaignSummary(SelfAssessmentCampaign Campaign, RealisationRate Rate, int Confirmed, int CarriedOver)
{
    public static CampaignSummary Of(CampaignGrid grid) => new(grid.Campaign, grid.Rate, grid.Confirmed, grid.CarriedOver);
}
