using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The campaign's grid, read-only, for everyone who may read the self-assessment (auditors included).
/// Filters in the URL (module, service, statut) are what the rates link to, so every figure leads to its rows.</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class CampaignModel(StructureAccess access, CampaignQuery query) : CampaignPageModel(access, query)
{
    public const string Unassessed = "Unassessed";
    public const string CarriedOver = "CarriedOver";

    [BindProperty(SupportsGet = true, Name = "module")]
    public int? ModuleFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "service")]
    public string? ServiceFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? StatusFilter { get; set; }

    public IReadOnlyList<GridModule> Shown { get; private set; } = [];
    public RealisationRate? PreviousRate { get; private set; }
    public int? PreviousYear { get; private set; }
    public bool Filtered => ModuleFilter is not null || !string.IsNullOrEmpty(ServiceFilter) || !string.IsNullOrEmpty(StatusFilter);

    public IEnumerable<SelectListItem> ModuleItems => Grid.Modules.Select(m => new SelectListItem(m.Module.Label, m.Module.Number.ToString(Shared.Fr.Culture), m.Module.Number == ModuleFilter));
    public IEnumerable<SelectListItem> ServiceItems => Grid.Services.Select(s => new SelectListItem(s.Label, s.Code, s.Code == ServiceFilter));
    public IEnumerable<SelectListItem> StatusItems =>
        AssessmentStatusLabels.All.Select(s => new SelectListItem(s.Label(), s.ToString(), s.ToString() == StatusFilter))
            .Append(new SelectListItem("À évaluer", Unassessed, StatusFilter == Unassessed))
            .Append(new SelectListItem("Reprise de l'an dernier, à confirmer", CarriedOver, StatusFilter == CarriedOver));

    public async Task<IActionResult> OnGetAsync(int year)
    {
        if (!await LoadCampaignAsync(year))
        {
            return NotFound();
        }
        if (await Query.FindPreviousAsync(Campaign, HttpContext.RequestAborted) is { } previous)
        {
            PreviousRate = (await Query.SummarizeAsync([previous], HttpContext.RequestAborted))[previous.Id].Rate;
            PreviousYear = previous.Year;
        }
        Shown = Grid.Modules
            .Where(m => ModuleFilter is null || m.Module.Number == ModuleFilter)
            .Where(m => string.IsNullOrEmpty(ServiceFilter) || m.Services.Any(s => s.Code == ServiceFilter))
            .Select(m => m with
            {
                Engagements = m.Engagements.Select(e => e with { Rows = e.Rows.Where(Matches).ToList() }).Where(e => e.Rows.Count > 0 || !Filtered).ToList(),
            })
            .Where(m => m.Engagements.Count > 0 || !Filtered)
            .ToList();
        return Page();
    }

    /// <summary>A module's rate over all its rows, whatever the filters leave shown.</summary>
    public RealisationRate RateOf(GridModule shown) => Grid.Module(shown.Module.Number)!.Rate;

    private bool Matches(GridRow row) => StatusFilter switch
    {
        null or "" => true,
        Unassessed => row.Status is null,
        CarriedOver => row.Assessment.CarriedOver,
        _ => row.Status?.ToString() == StatusFilter,
    };
}
