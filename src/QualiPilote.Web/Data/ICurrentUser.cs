namespace QualiPilote.Web.Data;

/// <summary>Who the journal names as the author of a save (<see cref="AuditInterceptor"/>): the person behind the current
/// request (<see cref="HttpCurrentUser"/>), or the app itself (<see cref="SystemUser"/>) for start-up, seeding, operator
/// commands and scheduled jobs.</summary>
public interface ICurrentUser
{
    /// <summary>The account's id (AspNetUsers.Id); null when the app itself saves.</summary>
    string? Id { get; }

    /// <summary>The user name written in the journal; <see cref="SystemUser.UserName"/> when the app itself saves.</summary>
    string Name { get; }
}
