using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The Services Publics + self-diagnostic of a campaign, derived from the Quali-ATE requirements mapped onto
/// each SP+ engagement (docs/adr/0021): an SP+ engagement is as implemented as the requirements that deliver it.</summary>
public sealed record SpPlusDiagnostic(IReadOnlyList<SpPlusLine> Lines, RealisationRate Overall, RealisationRate? PreviousOverall, SpPlusTarget? Target)
{
    /// <summary>Null when there is no target for the year or nothing to measure.</summary>
    public bool? Reached => Target is null || Overall.Percent is null ? null : Overall.Percent >= Target.Percent;
}

/// <summary>One SP+ engagement: the referential engagements of the perimeter that deliver it, and their rate.</summary>
public sealed record SpPlusLine(SpPlusCommitment Commitment, IReadOnlyList<GridEngagement> Engagements, RealisationRate Rate, RealisationRate? Previous)
{
    public bool Covered => Engagements.Count > 0;
}
