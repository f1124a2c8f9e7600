namespace QualiPilote.Web.Features.Access;

/// <summary>What a person does in a structure. The national administrator is not a membership
/// but an Identity role (<see cref="Roles.NationalAdmin"/>), since it spans every structure.</summary>
public enum MembershipRole
{
    QualityReferent,
    RelayReferent,
    Agent,
    Auditor,
}

public static class MembershipRoleLabels
{
    public static string Label(this MembershipRole role) => role switch
    {
        MembershipRole.QualityReferent => "Référent qualité",
        MembershipRole.RelayReferent => "Référent-relais / pilote de service",
        MembershipRole.Agent => "Agent",
        MembershipRole.Auditor => "Auditeur",
        _ => role.ToString(),
    };

    /// <summary>The access a role gives on its structure and on the structures that structure groups.</summary>
    public static AccessLevel Access(this MembershipRole role) => role switch
    {
        MembershipRole.QualityReferent => AccessLevel.Manage,
        MembershipRole.RelayReferent => AccessLevel.ServiceEdit,
        MembershipRole.Auditor => AccessLevel.AuditRead,
        _ => AccessLevel.Read,
    };
}
