using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Labelling;

namespace QualiPilote.Web.Features.Audits;

/// <summary>The structure's audits as the labelling timeline offers them for a milestone.</summary>
public sealed class TimelineAudits(AppDbContext db) : IMilestoneAudits
{
    public async Task<IReadOnlyList<MilestoneAudit>> ListAsync(int structureId, CancellationToken cancellationToken = default) =>
        (await db.Set<Audit>().AsNoTracking().Where(a => a.StructureId == structureId).OrderByDescending(a => a.StartDate).ToListAsync(cancellationToken))
            .Select(a => new MilestoneAudit(a.Id, a.Title)).ToList();
}
