using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The path of one of this campaign's pages (grid, module, rates, closing, auditor's pack); the other values go to
    /// the query string.</summary>
    public string CampaignPage(string page, object? values = null, string? fragment = null) =>
        Url.Page(page, pageHandler: null, new RouteValueDictionary(values) { ["code"] = Structure.Code, ["year"] = Campaign.Year }, protocol: null, host: null, fragment)!;

    /// <summary>The campaign's grid.</summary>
    public string CampaignPath => CampaignPage(GridPage);

    public const string GridPage = "/SelfAssessment/Campaign";
    public const string ModulePage = "/SelfAssessment/Module";

    /// <summary>The modules the signed-in user may assess in this campaign.</summary>
    public IReadOnlySet<int> EditableModules => _editable ??= CampaignQuery.EditableModuleIds(Grid, Structure, Scope);

    private IReadOnlySet<int>? _editable;
}
