namespace QualiPilote.Web.Features.Audits;

public enum AuditKind
{
    Internal,
    Certification,
    FollowUp,
}

public static class AuditKindLabels
{
    public static string Label(this AuditKind kind) => kind switch
    {
        AuditKind.Internal => "Audit interne",
        AuditKind.Certification => "Audit externe de certification",
        _ => "Audit externe de suivi",
    };

    public static bool IsExternal(this AuditKind kind) => kind != AuditKind.Internal;
}
