using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The COPIL's progress view: realisation rates per structure, module, service and engagement with the
/// previous campaign beside them, and where the assessment stands. Every count links to the grid rows behind it.</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class RatesModel(StructureAccess access, CampaignQuery query) : CampaignPageModel(access, query)
{
    public CampaignRates Rates { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year)
    {
        if (!await LoadCampaignAsync(year))
        {
            return NotFound();
        }
        Rates = await LoadRatesAsync();
        return Page();
    }

    /// <summary>"+5,3 pts" between this year's and last year's rate; "–" when either is missing.</summary>
    public static string Evolution(RealisationRate current, RealisationRate? previous)
    {
        if (current.Percent is not { } now || previous?.Percent is not { } before)
        {
            return "–";
        }
        var delta = now - before;
        return $"{(delta > 0 ? "+" : delta < 0 ? "−" : "")}{Fr.Number(Math.Abs(delta), 1)} pt";
    }
}
