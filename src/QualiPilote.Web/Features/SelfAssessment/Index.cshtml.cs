using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

[Authorize(Policy = Policies.StructureAuditRead)]
public class CampaignsModel(StructureAccess access, AppDbContext db, CampaignQuery query) : StructurePageModel(access)
{
    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];
    public bool HasPerimeter { get; private set; }

    public async Task OnGetAsync()
    {
        HasPerimeter = await db.Perimeters.AnyAsync(p => p.StructureId == Structure.Id);
        var campaigns = await query.ListAsync(Structure.Id);
        var summaries = await query.SummarizeAsync(campaigns);
        Campaigns = campaigns.Select(c => summaries[c.Id]).ToList();
    }

    /// <summary>The rate of the campaign just before this one in the list (the list runs from the latest year down).</summary>
    public RealisationRate? PreviousRate(int index) => index + 1 < Campaigns.Count ? Campaigns[index + 1].Rate : null;
}
