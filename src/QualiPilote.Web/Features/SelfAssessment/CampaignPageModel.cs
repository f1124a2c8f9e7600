using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Base of the pages of one campaign (/structures/{code}/auto-diagnostic/{year}): loads it and its grid.</summary>
public abstract class CampaignPageModel(StructureAccess access, CampaignQuery query) : StructurePageModel(access)
{
    public SelfAssessmentCampaign Campaign { get; private set; } = null!;
    public CampaignGrid Grid { get; private set; } = null!;
    protected CampaignQuery Query => query;

    /// <summary>False when the structure has no campaign that year (the page answers 404).</summary>
    protected async Task<bool> LoadCampaignAsync(int year)
    {
        if (await query.FindAsync(Structure.Id, year, HttpContext.RequestAborted) is not { } campaign)
        {
            return false;
        }
        Campaign = campaign;
        Grid = await query.LoadGridAsync(campaign, HttpContext.RequestAborted);
        return true;
    }

    protected Task<CampaignRates> LoadRatesAsync() => query.LoadRatesAsync(Grid, HttpContext.RequestAborted);

    public string CampaignPath => $"/structures/{Structure.Code}/auto-diagnostic/{Campaign.Year}";

    /// <summary>The modules the signed-in user may assess in this campaign.</summary>
    public IReadOnlySet<int> EditableModules => _editable ??= CampaignQuery.EditableModuleIds(Grid, Structure, Scope);

    private IReadOnlySet<int>? _editable;
}
