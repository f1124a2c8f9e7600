namespace QualiPilote.Web.Features.Access;

/// <summary>What a user may do on one structure; each level includes the ones before it.</summary>
public enum AccessLevel
{
    None = 0,
    /// <summary>Auditors: read the perimeter, the self-assessment, its evidence and the actions – nothing else.</summary>
    AuditRead = 1,
    /// <summary>Agents: read the structure's data and submit suggestions.</summary>
    Read = 2,
    /// <summary>Relay referents: edit the data of their own service.</summary>
    ServiceEdit = 3,
    /// <summary>Quality referents and national administrators: everything in the structure.</summary>
    Manage = 4,
}
