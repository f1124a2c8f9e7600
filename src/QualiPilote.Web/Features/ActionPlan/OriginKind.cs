namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Which kind of record an improvement action was raised from; with <see cref="ImprovementAction.OriginId"/> it
/// points at that record, and <see cref="ActionOriginLinks"/> builds the link back to it when a page or an answer needs one.
/// A feature that comes to raise actions (survey answers, complaints, reviews, mystery tests, meeting decisions) adds its
/// member here, its label below, and registers its <see cref="IActionOriginLink"/>; <c>ActionOriginLinkTests</c> checks each member.
/// Stored by name, like every enum of the model.</summary>
public enum OriginKind
{
    /// <summary>A <c>RequirementAssessment</c>: one row of a self-assessment campaign's grid.</summary>
    Assessment,
    /// <summary>An <c>AuditFinding</c>.</summary>
    AuditFinding,
    /// <summary>An <c>IndicatorAlert</c>: an indicator's value below its target for one period.</summary>
    IndicatorAlert,
}

/// <summary>The record an action was raised from, as <see cref="ImprovementAction.OriginKind"/> and <see cref="ImprovementAction.OriginId"/> store it.</summary>
public readonly record struct OriginRef(OriginKind Kind, int Id);

public static class OriginKindLabels
{
    public static string Label(this OriginKind kind) => kind switch
    {
        OriginKind.Assessment => "Ligne d'auto-diagnostic",
        OriginKind.AuditFinding => "Constat d'audit",
        OriginKind.IndicatorAlert => "Alerte d'indicateur",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
