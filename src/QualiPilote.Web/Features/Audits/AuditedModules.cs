using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;

namespace QualiPilote.Web.Features.Audits;

/// <summary>An action may serve the engagements of the modules the structure's audits covered.</summary>
public sealed class AuditedModules(AppDbContext db) : IActionModuleScope
{
    public IQueryable<int> ModuleIds(int structureId) =>
        db.Set<AuditModule>().Where(m => m.StructureId == structureId).Select(m => m.ModuleId);
}
