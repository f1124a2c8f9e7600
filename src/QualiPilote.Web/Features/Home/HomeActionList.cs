using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Home;

/// <summary>A home section listing actions: the first rows, and per structure how many there are with a link to
/// the action plan view that lists them all (every count leads to its rows).</summary>
public sealed record HomeActionList(string Id, string Title, string Empty, ActionDeadline Deadline, DateOnly Today,
    IReadOnlyList<ImprovementAction> Shown, IReadOnlyList<HomeActionList.Count> Counts)
{
    public const int MaxRows = 8;

    public sealed record Count(Structure Structure, string? ServiceCode, int Actions)
    {
        /// <summary>The action plan's filter that lists these actions, for its query string.</summary>
        public ActionFilter Filter(ActionDeadline deadline) => new(Service: ServiceCode, Deadline: deadline);
    }

    public int Total => Counts.Sum(c => c.Actions);
}
