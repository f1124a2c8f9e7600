using Microsoft.AspNetCore.Authorization;

namespace QualiPilote.Web.Features.Access;

/// <summary>Named authorization policies. Structure policies read the structure from the route value "code",
/// so they apply the same way to pages and to API endpoints.</summary>
public static class Policies
{
    public const string NationalAdmin = "NationalAdmin";
    /// <summary>Auditors and above: what an auditor checks (perimeter, self-assessment, evidence, actions).</summary>
    public const string StructureAuditRead = "StructureAuditRead";
    public const string StructureRead = "StructureRead";
    public const string StructureServiceEdit = "StructureServiceEdit";
    public const string StructureManage = "StructureManage";

    public static void Add(AuthorizationBuilder builder)
    {
        builder.AddPolicy(NationalAdmin, p => p.RequireRole(Roles.NationalAdmin));
        builder.AddPolicy(StructureAuditRead, p => p.AddRequirements(new StructureAccessRequirement(AccessLevel.AuditRead)));
        builder.AddPolicy(StructureRead, p => p.AddRequirements(new StructureAccessRequirement(AccessLevel.Read)));
        builder.AddPolicy(StructureServiceEdit, p => p.AddRequirements(new StructureAccessRequirement(AccessLevel.ServiceEdit)));
        builder.AddPolicy(StructureManage, p => p.AddRequirements(new StructureAccessRequirement(AccessLevel.Manage)));
    }
}
