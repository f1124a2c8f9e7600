namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>How the action plan is grouped: one list, or one table per service, engagement or origin.</summary>
public enum ActionView
{
    List,
    Service,
    Engagement,
    Origin,
}

/// <summary>A status filter: one status, or the open ones (to start or in progress).</summary>
public enum ActionStatusFilter
{
    Open,
    ToStart,
    InProgress,
    Done,
    Abandoned,
}

public enum ActionDeadline
{
    Overdue,
    DueSoon,
}

/// <summary>The filters of the action plan, shared by its page, its Excel export and the API so that they
/// always select the same rows. Pages carry them in the query string (see <see cref="ToQuery"/>).</summary>
public sealed record ActionFilter(
    ActionView View = ActionView.List,
    string? Service = null,
    int? Engagement = null,
    ActionOrigin? Origin = null,
    ActionStatusFilter? Status = null,
    ActionDeadline? Deadline = null)
{
    public bool IsEmpty => Service is null && Engagement is null && Origin is null && Status is null && Deadline is null;

    public IQueryable<ImprovementAction> Apply(IQueryable<ImprovementAction> actions, DateOnly today)
    {
        if (Service is not null)
        {
            actions = actions.Where(a => a.Service != null && a.Service.Code == Service);
        }
        if (Engagement is { } engagementId)
        {
            actions = actions.Where(a => a.Engagements.Any(e => e.EngagementId == engagementId));
        }
        if (Origin is { } origin)
        {
            actions = actions.Where(a => a.Origin == origin);
        }
        actions = Status switch
        {
            ActionStatusFilter.Open => actions.Where(a => a.Status == ActionStatus.ToStart || a.Status == ActionStatus.InProgress),
            ActionStatusFilter.ToStart => actions.Where(a => a.Status == ActionStatus.ToStart),
            ActionStatusFilter.InProgress => actions.Where(a => a.Status == ActionStatus.InProgress),
            ActionStatusFilter.Done => actions.Where(a => a.Status == ActionStatus.Done),
            ActionStatusFilter.Abandoned => actions.Where(a => a.Status == ActionStatus.Abandoned),
            _ => actions,
        };
        return Deadline switch
        {
            ActionDeadline.Overdue => actions.Where(ActionDeadlines.OverdueOn(today)),
            ActionDeadline.DueSoon => actions.Where(ActionDeadlines.DueSoonOn(today)),
            _ => actions,
        };
    }

    /// <summary>The page's query string for this filter ("?vue=Service&amp;echeance=Overdue"), empty values left out.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (View != ActionView.List)
        {
            parts.Add($"vue={View}");
        }
        if (Service is not null)
        {
            parts.Add($"service={Uri.EscapeDataString(Service)}");
        }
        if (Engagement is not null)
        {
            parts.Add($"engagement={Engagement}");
        }
        if (Origin is not null)
        {
            parts.Add($"origine={Origin}");
        }
        if (Status is not null)
        {
            parts.Add($"statut={Status}");
        }
        if (Deadline is not null)
        {
            parts.Add($"echeance={Deadline}");
        }
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static string Label(ActionStatusFilter status) => status switch
    {
        ActionStatusFilter.Open => "Ouvertes (à lancer ou en cours)",
        ActionStatusFilter.ToStart => ActionStatus.ToStart.Label(),
        ActionStatusFilter.InProgress => ActionStatus.InProgress.Label(),
        ActionStatusFilter.Done => ActionStatus.Done.Label(),
        _ => ActionStatus.Abandoned.Label(),
    };

    public static string Label(ActionDeadline deadline) => deadline switch
    {
        ActionDeadline.Overdue => "En retard",
        _ => $"Échéance sous {ActionDeadlines.DueSoonDays} jours",
    };

    public static string Label(ActionView view) => view switch
    {
        ActionView.Service => "Par service",
        ActionView.Engagement => "Par engagement",
        ActionView.Origin => "Par origine",
        _ => "Liste",
    };
}

/// <summary>What the action table partial shows.</summary>
public sealed record ActionTable(string Caption, IReadOnlyList<ImprovementAction> Actions, string StructureCode, DateOnly Today);
