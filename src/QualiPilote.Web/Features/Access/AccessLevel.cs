namespace QualiPilote.Web.Features.Access;

/// <summary>What a user may do on one structure; each level includes the ones before it.</summary>
public enum AccessLevel
{
    None = 0,
    /// <summary>Agents and auditors: read the structure's data; agents also submit suggestions.</summary>
    Read = 1,
    /// <summary>Relay referents: edit the data of their own service.</summary>
    ServiceEdit = 2,
    /// <summary>Quality referents and national administrators: everything in the structure.</summary>
    Manage = 3,
}
