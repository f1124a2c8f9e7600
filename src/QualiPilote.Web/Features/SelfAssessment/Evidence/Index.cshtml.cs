using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The structure's evidence, and for each piece the requirements it supports, campaign by campaign.</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class EvidenceIndexModel(StructureAccess access, AppDbContext db) : StructurePageModel(access)
{
    public sealed record Use(int Year, string Code, int Module, string Anchor);

    public IReadOnlyList<Evidence> Items { get; private set; } = [];
    public ILookup<int, Use> Uses { get; private set; } = Array.Empty<Use>().ToLookup(u => 0);
    public IReadOnlySet<int> ClosedYears { get; private set; } = new HashSet<int>();

    public async Task OnGetAsync()
    {
        Items = await db.Set<Evidence>().AsNoTracking().Where(e => e.StructureId == Structure.Id)
            .OrderByDescending(e => e.AddedAt).ThenBy(e => e.Title).ToListAsync();
        var links = await db.Set<AssessmentEvidence>().AsNoTracking().Where(l => l.StructureId == Structure.Id)
            .Select(l => new
            {
                l.EvidenceId,
                l.Assessment.Campaign.Year,
                Engagement = l.Assessment.Requirement.Engagement.Number,
                Requirement = l.Assessment.Requirement.Number,
                Module = l.Assessment.Requirement.Engagement.Module.Number,
            })
            .ToListAsync();
        ClosedYears = (await db.Set<SelfAssessmentCampaign>().Where(c => c.StructureId == Structure.Id && c.ClosedAt != null)
            .Select(c => c.Year).ToListAsync()).ToHashSet();
        Uses = links.OrderByDescending(l => l.Year).ThenBy(l => l.Engagement).ThenBy(l => l.Requirement)
            .ToLookup(l => l.EvidenceId, l => new Use(l.Year, $"{l.Engagement}.{l.Requirement}", l.Module, $"exigence-{l.Engagement}-{l.Requirement}"));
    }

    /// <summary>Mirrors <see cref="EvidenceEditor.RefusalToDeleteAsync"/>, which the delete page checks again.</summary>
    public bool CanDelete(Evidence evidence) =>
        (CanManage || (Level >= AccessLevel.ServiceEdit && evidence.AddedById == Scope.UserId)) && !Uses[evidence.Id].Any(u => ClosedYears.Contains(u.Year));
}
