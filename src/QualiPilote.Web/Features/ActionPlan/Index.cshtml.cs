using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

[Authorize(Policy = Policies.StructureAuditRead)]
public class IndexModel(StructureAccess access, AppDbContext db) : StructurePageModel(access)
{
    public IReadOnlyList<ImprovementAction> Actions { get; private set; } = [];

    public async Task OnGetAsync() =>
        Actions = await db.Set<ImprovementAction>().AsNoTracking()
            .Where(a => a.StructureId == Structure.Id)
            .Include(a => a.Service)
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToListAsync();
}
