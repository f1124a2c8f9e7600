using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

[Authorize(Policy = Policies.StructureAuditRead)]
public class DetailsModel(StructureAccess access, AppDbContext db, ActionOriginLinks origins, TimeProvider clock) : StructurePageModel(access)
{
    public ImprovementAction Action { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>The page of the record the action was raised from, if it has one and the record still exists.</summary>
    public string? OriginLink { get; private set; }

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
        OriginLink = await origins.ForAsync(Structure.Code, action, HttpContext.RequestAborted);
        Today = clock.Today();
        CanEdit = Level >= AccessLevel.ServiceEdit && ActionPlanEditor.CanEdit(Structure, Scope, action);
        return Page();
    }
}
