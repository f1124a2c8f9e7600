using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>One group of a view: its title and its actions (an action serving two engagements shows under both).</summary>
public sealed record ActionGroup(string Title, IReadOnlyList<ImprovementAction> Actions);

/// <summary>Reads a structure's action plan through a filter, and groups it for a view.</summary>
public sealed class ActionPlanQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<List<ImprovementAction>> ListAsync(int structureId, ActionFilter filter, CancellationToken cancellationToken = default)
    {
        var actions = db.Set<ImprovementAction>().AsNoTracking().Where(a => a.StructureId == structureId);
        return await filter.Apply(actions, clock.Today())
            .Include(a => a.Service)
            .Include(a => a.Engagements).ThenInclude(e => e.Engagement).ThenInclude(e => e.Referential)
            .AsSplitQuery()
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    public static List<ActionGroup> Group(IReadOnlyList<ImprovementAction> actions, ActionView view) => view switch
    {
        ActionView.Service => actions.GroupBy(a => a.ServiceId)
            .OrderBy(g => g.Key is null).ThenBy(g => g.First().Service?.Code, StringComparer.Ordinal)
            .Select(g => new ActionGroup(g.First().Service?.Label ?? "Sans service pilote", g.ToList())).ToList(),
        ActionView.Origin => actions.GroupBy(a => a.Origin).OrderBy(g => g.Key)
            .Select(g => new ActionGroup(g.Key.Label(), g.ToList())).ToList(),
        ActionView.Engagement => actions
            .SelectMany(a => a.Engagements.Count == 0
                ? [(Engagement: (Referentials.Engagement?)null, Action: a)]
                : a.Engagements.Select(e => (Engagement: (Referentials.Engagement?)e.Engagement, Action: a)))
            .GroupBy(x => x.Engagement?.Id)
            .OrderBy(g => g.Key is null).ThenBy(g => g.First().Engagement?.Referential.Label, StringComparer.Ordinal).ThenBy(g => g.First().Engagement?.Number)
            .Select(g => new ActionGroup(EngagementTitle(g.First().Engagement), g.Select(x => x.Action).ToList())).ToList(),
        _ => [new ActionGroup("Actions d'amélioration", actions)],
    };

    public static string EngagementTitle(Referentials.Engagement? engagement) =>
        engagement is null ? "Sans engagement" : $"{engagement.Referential.Label} – Engagement {engagement.Number}. {engagement.Text}";

    public static string EngagementShort(Referentials.Engagement engagement) => $"{engagement.Referential.Label} – E{engagement.Number}";
}
