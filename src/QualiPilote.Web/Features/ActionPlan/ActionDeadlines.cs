using System.Linq.Expressions;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The deadlines shared by the action plan's views, the home page and the reminders,
/// so that "overdue" and "due soon" mean the same thing everywhere (in SQL and in memory).</summary>
public static class ActionDeadlines
{
    /// <summary>An open action is "due soon" when its due date falls today or within this many days (the views' "échéance sous 30 jours").</summary>
    public const int DueSoonDays = 30;

    /// <summary>Open actions (to start or in progress) whose due date has passed.</summary>
    public static Expression<Func<ImprovementAction, bool>> OverdueOn(DateOnly today) =>
        a => (a.Status == ActionStatus.ToStart || a.Status == ActionStatus.InProgress) && a.DueDate < today;

    /// <summary>Open actions due today or within <see cref="DueSoonDays"/> days.</summary>
    public static Expression<Func<ImprovementAction, bool>> DueSoonOn(DateOnly today)
    {
        var limit = today.AddDays(DueSoonDays);
        return a => (a.Status == ActionStatus.ToStart || a.Status == ActionStatus.InProgress) && a.DueDate >= today && a.DueDate <= limit;
    }

    public static bool IsOverdue(this ImprovementAction action, DateOnly today) => action.IsOpen && action.DueDate < today;

    public static bool IsDueSoon(this ImprovementAction action, DateOnly today) =>
        action.IsOpen && action.DueDate >= today && action.DueDate <= today.AddDays(DueSoonDays);
}
