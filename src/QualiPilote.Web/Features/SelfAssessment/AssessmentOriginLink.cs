using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>An action raised from a gap links to its row of the campaign's grid, anchored as the page anchors it (GridRow.Anchor).</summary>
public sealed class AssessmentOriginLink(AppDbContext db, LinkGenerator links) : IActionOriginLink
{
    public OriginKind Kind => OriginKind.Assessment;

    public async Task<IReadOnlyDictionary<int, string>> LinksAsync(int structureId, string structureCode, IReadOnlyCollection<int> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.Set<RequirementAssessment>().AsNoTracking()
            .Where(a => a.StructureId == structureId && ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Campaign.Year, Engagement = a.Requirement.Engagement.Number, Requirement = a.Requirement.Number })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, Link: links.GetPathByPage("/SelfAssessment/Campaign", values: new { code = structureCode, year = r.Year },
                fragment: new FragmentString($"#exigence-{r.Engagement}-{r.Requirement}"))))
            .Where(r => r.Link is not null).ToDictionary(r => r.Id, r => r.Link!);
    }
}
