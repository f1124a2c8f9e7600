namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Where a requirement stands, in the words of the "grille d'auto-diagnostic".
/// A requirement with no status yet has not been assessed in the campaign.</summary>
public enum AssessmentStatus
{
    NotEngaged,
    InProgress,
    Done,
    NotApplicable,
}

public static class AssessmentStatusLabels
{
    public static readonly IReadOnlyList<AssessmentStatus> All = Enum.GetValues<AssessmentStatus>();

    public static string Label(this AssessmentStatus status) => status switch
    {
        AssessmentStatus.NotEngaged => "Non engagé",
        AssessmentStatus.InProgress => "En cours",
        AssessmentStatus.Done => "Réalisé",
        _ => "Non applicable",
    };

    public static string Label(this AssessmentStatus? status) => status is { } s ? s.Label() : "À évaluer";

    /// <summary>DSFR badge modifier of a status, so that colour is never the only cue (the label is always written).</summary>
    public static string Badge(this AssessmentStatus? status) => status switch
    {
        AssessmentStatus.Done => "fr-badge--success",
        AssessmentStatus.InProgress => "fr-badge--info",
        AssessmentStatus.NotEngaged => "fr-badge--error",
        AssessmentStatus.NotApplicable => "fr-badge--no-icon",
        _ => "fr-badge--warning",
    };

    /// <summary>A gap: something the structure still has to do, which can become an improvement action.</summary>
    public static bool IsGap(this AssessmentStatus? status) => status is AssessmentStatus.NotEngaged or AssessmentStatus.InProgress;
}
