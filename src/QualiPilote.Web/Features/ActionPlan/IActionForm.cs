using Microsoft.AspNetCore.Mvc.Rendering;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>What the shared action form (_ActionFields) needs from the create and edit pages.</summary>
public interface IActionForm
{
    ActionFields Input { get; }
    IEnumerable<SelectListItem> Services { get; }
    IReadOnlyList<EngagementOption> Engagements { get; }
}
