using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

[Authorize(Policy = Policies.StructureAuditRead)]
public class SpPlusDiagnosticModel(StructureAccess access, CampaignQuery query, SpPlusDiagnosticQuery diagnostics) : CampaignPageModel(access, query)
{
    public SpPlusDiagnostic Diagnostic { get; private set; } = null!;
    public int? PreviousYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year)
    {
        if (!await LoadCampaignAsync(year))
        {
            return NotFound();
        }
        var rates = await LoadRatesAsync();
        PreviousYear = rates.PreviousYear;
        Diagnostic = await diagnostics.BuildAsync(Grid, rates.Previous);
        return Page();
    }
}
