namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Where an improvement action stands; « réalisée » and « abandonnée » close it.</summary>
public enum ActionStatus
{
    ToStart,
    InProgress,
    Done,
    Abandoned,
}
