using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Home;

/// <summary>The actions a person follows from their home page: every action of the structures they manage,
/// and the actions of their own service where they are relay referent.</summary>
internal static class WatchedActions
{
    public static async Task<HomeActionList?> LoadAsync(AppDbContext db, HomeContext context, TimeProvider clock, ActionDeadline deadline,
        string id, string title, string empty)
    {
        var managed = context.Managed.ToList();
        var relay = context.Scope.Memberships
            .Where(m => m.Role == MembershipRole.RelayReferent && m.ServiceId is not null && managed.All(s => s.Id != m.StructureId)
                && context.Structures.Any(s => s.Id == m.StructureId))
            .ToList();
        if (managed.Count == 0 && relay.Count == 0)
        {
            return null;
        }
        var today = clock.Today();
        var managedIds = managed.Select(s => s.Id).ToList();
        var serviceIds = relay.Select(m => m.ServiceId!.Value).ToList();
        var actions = db.Set<ImprovementAction>().AsNoTracking()
            .Where(a => managedIds.Contains(a.StructureId) || (a.ServiceId != null && serviceIds.Contains(a.ServiceId.Value)))
            .Where(deadline == ActionDeadline.Overdue ? ActionDeadlines.OverdueOn(today) : ActionDeadlines.DueSoonOn(today));
        var perStructure = await actions.Where(a => managedIds.Contains(a.StructureId))
            .GroupBy(a => a.StructureId).Select(g => new { StructureId = g.Key, Count = g.Count() }).ToListAsync();
        var perService = await actions.Where(a => !managedIds.Contains(a.StructureId))
            .GroupBy(a => a.ServiceId!.Value).Select(g => new { ServiceId = g.Key, Count = g.Count() }).ToListAsync();
        var shown = await actions.Include(a => a.Structure).Include(a => a.Service)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(HomeActionList.MaxRows).ToListAsync();
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
        var counts = perStructure.Select(g => new HomeActionList.Count(managed.First(s => s.Id == g.StructureId), null, g.Count))
            .Concat(perService.Select(g => new HomeActionList.Count(context.Structures.First(s => s.Id == services[g.ServiceId].StructureId), services[g.ServiceId].Code, g.Count)))
            .OrderBy(c => c.Structure.Name, StringComparer.Ordinal)
            .ToList();
        return new HomeActionList(id, title, empty, deadline, today, shown, counts);
    }
}
