namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The efficacy check made after completion: did the indicator or the finding that caused the action improve?</summary>
public enum EfficacyResult
{
    Effective,
    PartlyEffective,
    NotEffective,
}
