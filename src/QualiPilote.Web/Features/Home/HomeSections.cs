using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Home;

/// <summary>What a signed-in user's home page shows below the greeting: each capability adds the name of a
/// view component (invoked with a <see cref="HomeContext"/>) that lists what needs attention today.</summary>
public static class HomeSections
{
    public static readonly IReadOnlyList<string> Components = ["OverdueActions", "DueSoonActions", Indicators.IndicatorAlertsViewComponent.Name, "SelfAssessmentProgress", "NextMilestones"];
}

/// <summary>The user and the structures they can see, handed to every home section.</summary>
public sealed record HomeContext(UserScope Scope, IReadOnlyList<Structure> Structures)
{
    /// <summary>The structures where the user can act on the whole structure (quality referents, administrators).</summary>
    public IEnumerable<Structure> Managed => Structures.Where(s => Scope.LevelFor(s) >= AccessLevel.Manage);
}
