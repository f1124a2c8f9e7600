using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Home;

public sealed record HomeMilestones(DateOnly Today, IReadOnlyList<Milestone> Milestones, int Total)
{
    public const int MaxRows = 6;
}

/// <summary>The next steps toward the label (late ones first, as they are still to do) of the structures the person
/// reads as an agent or more; auditors do not see timelines.</summary>
public sealed class NextMilestonesViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(HomeContext context)
    {
        var structureIds = context.Structures.Where(s => context.Scope.LevelFor(s) >= AccessLevel.Read).Select(s => s.Id).ToList();
        if (structureIds.Count == 0)
        {
            return Content("");
        }
        var today = clock.Today();
        var upcoming = db.Set<Milestone>().AsNoTracking()
            .Where(m => structureIds.Contains(m.StructureId) && m.PlannedOn != null
                && ((m.Kind != MilestoneKind.LabelExpiry && m.DoneOn == null) || (m.Kind == MilestoneKind.LabelExpiry && m.PlannedOn >= today)));
        var total = await upcoming.CountAsync();
        var shown = await upcoming.Include(m => m.Structure).OrderBy(m => m.PlannedOn).ThenBy(m => m.Id).Take(HomeMilestones.MaxRows).ToListAsync();
        return View("/Features/Home/_HomeMilestones.cshtml", new HomeMilestones(today, shown, total));
    }
}
