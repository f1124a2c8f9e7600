namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Where an improvement action comes from (the seeds' "origine" column of the action-plan table).</summary>
public enum ActionOrigin
{
    SelfAssessment,
    AuditFinding,
    IndicatorAlert,
    Feedback,
    Survey,
    Committee,
    Other,
}
