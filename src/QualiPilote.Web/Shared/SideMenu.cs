namespace QualiPilote.Web.Shared;

/// <summary>What Shared/_StructureLayout.cshtml draws beside a structure's pages: the structure's name, the address of its
/// own page and the entries this user may open. The structure pages put it in their view data (Features/Access/StructurePageModel.cs).</summary>
public sealed record SideMenu(string Title, string Home, IReadOnlyList<SideMenu.Link> Links)
{
    public const string ViewDataKey = "SideMenu";

    /// <summary>An entry, with its generated address; it is current on its page and on the pages below it.</summary>
    public sealed record Link(string Label, string Href);
}
