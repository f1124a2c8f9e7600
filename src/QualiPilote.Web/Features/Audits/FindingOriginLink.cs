using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;

namespace QualiPilote.Web.Features.Audits;

/// <summary>An action raised from a finding links to the finding on its audit's page.</summary>
public sealed class FindingOriginLink(AppDbContext db, LinkGenerator links) : IActionOriginLink
{
    public OriginKind Kind => OriginKind.AuditFinding;

    public async Task<IReadOnlyDictionary<int, string>> LinksAsync(int structureId, string structureCode, IReadOnlyCollection<int> ids,
        CancellationToken cancellationToken)
    {
        var findings = await db.Set<AuditFinding>().AsNoTracking()
            .Where(f => f.StructureId == structureId && ids.Contains(f.Id))
            .Select(f => new { f.Id, f.AuditId })
            .ToListAsync(cancellationToken);
        return findings.Select(f => (f.Id, Link: links.GetPathByPage("/Audits/Details", values: new { code = structureCode, auditId = f.AuditId },
                fragment: new FragmentString($"#constat-{f.Id}"))))
            .Where(f => f.Link is not null).ToDictionary(f => f.Id, f => f.Link!);
    }
}
