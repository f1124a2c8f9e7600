using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Home;

/// <summary>A home section listing actions: the first rows, and per structure how many there are with a link to
/// the action plan view that lists them all (every count leads to its rows).</summary>
public sealed record HomeActionList(string Id, string Title, string Empty, ActionDeadline Deadline, DateOnly Today,
    IReadOnlyList<ImprovementAction> Shown, IReadOnlyList<HomeActionList.Count> Counts)
{
    public const int MaxRows = 8;

    public sealed record Count(Structure Structure, string? ServiceCode, int Actions)
    {
        public string Url(ActionDeadline deadline) =>
            $"/structures/{Structure.Code}/actions{new ActionFilter(Service: ServiceCode, Deadline: deadline).ToQuery()}";
    }

    public int Total => Counts.Sum(c => c.Actions);
}

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

public sealed class OverdueActionsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(HomeContext context)
    {
        var list = await WatchedActions.LoadAsync(db, context, clock, ActionDeadline.Overdue,
            "actions-en-retard", "Actions en retard", "Aucune action en retard : toutes les échéances passées sont tenues.");
        return list is null ? Content("") : View("/Features/Home/_HomeActions.cshtml", list);
    }
}

public sealed class DueSoonActionsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(HomeContext context)
    {
        var list = await WatchedActions.LoadAsync(db, context, clock, ActionDeadline.DueSoon,
            "actions-echeance-proche", $"Échéance dans les {ActionDeadlines.DueSoonDays} jours", $"Aucune action ouverte n'arrive à échéance dans les {ActionDeadlines.DueSoonDays} jours.");
        return list is null ? Content("") : View("/Features/Home/_HomeActions.cshtml", list);
    }
}
