using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Downloads the auditor's pack of a campaign: ?engagement=15, ?module=1, or the whole perimeter.</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class PackModel(StructureAccess access, CampaignQuery query, AuditorPack pack) : CampaignPageModel(access, query)
{
    public async Task<IActionResult> OnGetAsync(int year, int? module, int? engagement)
    {
        if (!await LoadCampaignAsync(year))
        {
            return NotFound();
        }
        var scope = new AuditorPack.Scope(module, engagement);
        if (AuditorPack.Select(Grid, scope) is not { } engagements)
        {
            return NotFound();
        }
        var file = SelfAssessmentApi.TemporaryFile();
        await pack.WriteAsync(Grid, Structure, scope, engagements, file, HttpContext.RequestAborted);
        file.Position = 0;
        return File(file, AuditorPack.ContentType, AuditorPack.FileName(Structure, year, scope));
    }
}
