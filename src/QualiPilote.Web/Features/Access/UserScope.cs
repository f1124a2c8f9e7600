using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Access;

/// <summary>What the signed-in user may do, loaded once per request from their memberships.</summary>
public sealed class UserScope(string? userId, bool isNationalAdmin, IReadOnlyList<Membership> memberships)
{
    public static readonly UserScope Anonymous = new(null, false, []);

    public string? UserId { get; } = userId;
    public bool IsAuthenticated => UserId is not null;
    public bool IsNationalAdmin { get; } = isNationalAdmin;
    public IReadOnlyList<Membership> Memberships { get; } = memberships;

    /// <summary>Memberships that apply to a structure: its own, and the quality referents of the prefecture that groups it
    /// (the prefecture's quality cell runs the approach for its sub-prefectures, SGCD and DDI; other roles stay where they are given).</summary>
    public IEnumerable<Membership> MembershipsFor(Structure structure) =>
        Memberships.Where(m => m.StructureId == structure.Id
            || (m.StructureId == structure.ParentId && m.Role == MembershipRole.QualityReferent));

    public AccessLevel LevelFor(Structure structure)
    {
        if (IsNationalAdmin)
        {
            return AccessLevel.Manage;
        }
        return MembershipsFor(structure).Select(m => m.Role.Access()).DefaultIfEmpty(AccessLevel.None).Max();
    }

    /// <summary>Services whose data the user edits in this structure: all of them for a manager, their own for a relay referent.</summary>
    public bool CanEditService(Structure structure, int serviceId) =>
        LevelFor(structure) == AccessLevel.Manage
        || MembershipsFor(structure).Any(m => m.Role == MembershipRole.RelayReferent && m.ServiceId == serviceId);

    /// <summary>Ids of the structures the user's memberships name directly.</summary>
    public IReadOnlyList<int> MemberStructureIds => Memberships.Select(m => m.StructureId).Distinct().ToList();

    /// <summary>Ids of the prefectures whose grouped structures the user also covers, as their quality referent.</summary>
    public IReadOnlyList<int> GroupingStructureIds =>
        Memberships.Where(m => m.Role == MembershipRole.QualityReferent).Select(m => m.StructureId).Distinct().ToList();
}
