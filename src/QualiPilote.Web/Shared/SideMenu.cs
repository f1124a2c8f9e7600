namespace QualiPilote.Web.Shared;

/// <summary>What Shared/_StructureLayout.cshtml draws beside a structure's pages: the structure's name, its address and the
/// entries this user may open. The structure pages put it in their view data (Features/Access/StructurePageModel.cs).</summary>
public sealed record SideMenu(string Title, string BasePath, IReadOnlyList<SideMenu.Link> Links)
{
    public const string ViewDataKey = "SideMenu";

    /// <summary>An entry; its path is relative to <see cref="BasePath"/>, empty for the structure's own page.</summary>
    public sealed record Link(string Label, string Path);
}
