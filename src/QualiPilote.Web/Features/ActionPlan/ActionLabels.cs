namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The French words for the origin, status and efficacy of an action.</summary>
public static class ActionLabels
{
    public static string Label(this ActionOrigin origin) => origin switch
    {
        ActionOrigin.SelfAssessment => "Écart d'auto-diagnostic",
        ActionOrigin.AuditFinding => "Constat d'audit",
        ActionOrigin.IndicatorAlert => "Alerte d'indicateur",
        ActionOrigin.Feedback => "Réclamation ou suggestion",
        ActionOrigin.Survey => "Enquête",
        ActionOrigin.Committee => "CLUAC ou groupe de travail",
        _ => "Autre",
    };

    public static string Label(this ActionStatus status) => status switch
    {
        ActionStatus.ToStart => "À lancer",
        ActionStatus.InProgress => "En cours",
        ActionStatus.Done => "Réalisée",
        _ => "Abandonnée",
    };

    /// <summary>The status in a count of several actions ("3 réalisées", "2 à lancer"), lower case.</summary>
    public static string PluralLabel(this ActionStatus status) => status switch
    {
        ActionStatus.ToStart => "à lancer",
        ActionStatus.InProgress => "en cours",
        ActionStatus.Done => "réalisées",
        _ => "abandonnées",
    };

    public static string Label(this EfficacyResult result) => result switch
    {
        EfficacyResult.Effective => "Efficace : l'indicateur ou le constat s'est amélioré",
        EfficacyResult.PartlyEffective => "Partiellement efficace",
        _ => "Inefficace : pas d'amélioration constatée",
    };

    /// <summary>DSFR badge colour of a status.</summary>
    public static string BadgeClass(this ActionStatus status) => status switch
    {
        ActionStatus.ToStart => "fr-badge--new",
        ActionStatus.InProgress => "fr-badge--info",
        ActionStatus.Done => "fr-badge--success",
        _ => "",
    };
}
