namespace QualiPilote.Web.Data;

/// <summary>The app itself as the author of a save: no account, signed « système » in the journal.</summary>
public sealed class SystemUser : ICurrentUser
{
    /// <summary>The user name of what the app writes on its own; the journal shows it as such.</summary>
    public const string UserName = "système";

    public static readonly SystemUser Instance = new();

    public string? Id => null;

    public string Name => UserName;
}
