using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.SelfAssessment;

public sealed class SpPlusDiagnosticQuery(AppDbContext db)
{
    public async Task<SpPlusDiagnostic> BuildAsync(CampaignGrid grid, CampaignGrid? previous, CancellationToken cancellationToken = default)
    {
        var commitments = await db.SpPlusCommitments.AsNoTracking().Include(c => c.Mappings).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var target = await TargetForAsync(grid.Campaign.Year, cancellationToken);
        var lines = commitments.Select(c =>
        {
            var engagements = Mapped(grid, c).ToList();
            var before = previous is null ? null : Mapped(previous, c).ToList();
            return new SpPlusLine(c, engagements, RealisationRate.Of(engagements.SelectMany(e => e.Rows).Select(r => r.Status)),
                before is null ? null : RealisationRate.Of(before.SelectMany(e => e.Rows).Select(r => r.Status)));
        }).ToList();
        return new SpPlusDiagnostic(lines, Overall(grid, commitments), previous is null ? null : Overall(previous, commitments), target);
    }

    /// <summary>The target that applies to a year: its own, else the latest earlier one.</summary>
    public Task<SpPlusTarget?> TargetForAsync(int year, CancellationToken cancellationToken = default) =>
        db.Set<SpPlusTarget>().AsNoTracking().Where(t => t.Year <= year).OrderByDescending(t => t.Year).FirstOrDefaultAsync(cancellationToken);

    private static IEnumerable<GridEngagement> Mapped(CampaignGrid grid, SpPlusCommitment commitment) =>
        grid.Engagements.Where(e => commitment.Mappings.Any(m => m.EngagementId == e.Engagement.Id)).OrderBy(e => e.Engagement.Number);

    /// <summary>Every requirement that delivers at least one SP+ engagement, counted once.</summary>
    private static RealisationRate Overall(CampaignGrid grid, IReadOnlyList<SpPlusCommitment> commitments)
    {
        var mapped = commitments.SelectMany(c => c.Mappings).Select(m => m.EngagementId).ToHashSet();
        return RealisationRate.Of(grid.Engagements.Where(e => mapped.Contains(e.Engagement.Id)).SelectMany(e => e.Rows).Select(r => r.Status));
    }
}
