using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

[Authorize(Policy = Policies.StructureAuditRead)]
public class DetailsModel(StructureAccess access, AppDbContext db, TimeProvider clock) : StructurePageModel(access)
{
    public ImprovementAction Action { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        var action = await db.Set<ImprovementAction>().AsNoTracking()
            .Include(a => a.Service)
            .Include(a => a.Engagements).ThenInclude(e => e.Engagement).ThenInclude(e => e.Referential)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == actionId && a.StructureId == Structure.Id);
        if (action is null)
        {
            return NotFound();
        }
        Action = action;
        Today = clock.Today();
        CanEdit = Level >= AccessLevel.ServiceEdit && ActionPlanEditor.CanEdit(Structure, Scope, action);
        return Page();
    }
}
