using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Audits;

[Authorize(Policy = Policies.StructureAuditRead)]
public class DetailsModel(StructureAccess access, AuditEditor editor) : StructurePageModel(access)
{
    /// <summary>Shows only the findings of this type (the summary's counts link here).</summary>
    [BindProperty(SupportsGet = true, Name = "type")]
    public FindingType? Type { get; set; }

    public Audit Audit { get; private set; } = null!;
    public IReadOnlyList<FindingCount> Summary { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int auditId)
    {
        var audit = await editor.FindAsync(Structure.Id, auditId);
        if (audit is null)
        {
            return NotFound();
        }
        Audit = audit;
        Summary = AuditSummary.ByType(audit.Findings);
        return Page();
    }

    /// <summary>The findings grouped by engagement (in number order), general findings last.</summary>
    public IEnumerable<IGrouping<int?, AuditFinding>> FindingsByEngagement =>
        Audit.Findings.Where(f => Type is null || f.Type == Type).OrderBy(f => f.Engagement is null).ThenBy(f => f.Engagement?.Number).ThenBy(f => f.Type).ThenBy(f => f.Id)
            .GroupBy(f => f.EngagementId);
}
