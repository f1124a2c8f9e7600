using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>The side menu of a structure's pages. Each capability adds its entry here, by page name;
/// an entry shows only to users whose level on the structure reaches its minimum.</summary>
public static class StructureMenu
{
    public sealed record Item(string Label, string Page, AccessLevel Minimum);

    private const string Overview = "/Structures/Details";

    public static readonly IReadOnlyList<Item> Items =
    [
        new("Vue d'ensemble", Overview, AccessLevel.AuditRead),
        new("Périmètre de labellisation", "/Structures/Perimeter", AccessLevel.AuditRead),
        new("Auto-diagnostic", "/SelfAssessment/Index", AccessLevel.AuditRead),
        new("Preuves", "/SelfAssessment/Evidence/Index", AccessLevel.AuditRead),
        new("Plan d'action", "/ActionPlan/Index", AccessLevel.AuditRead),
        new("Indicateurs", "/Indicators/Index", AccessLevel.Read),
        new("Registres", "/Registers/Index", AccessLevel.Read),
        new("Audits", "/Audits/Index", AccessLevel.Read),
        new("Rétro-planning de labellisation", "/Labelling/Index", AccessLevel.Read),
        new("Publication des résultats", "/PublicResults/Publication", AccessLevel.Manage),
        new("Membres et rôles", "/Access/Members", AccessLevel.Manage),
        new("Journal des modifications", "/AuditTrail/Journal", AccessLevel.Manage),
    ];

    /// <summary>The menu this user sees on this structure's pages, for the shared layout.</summary>
    public static SideMenu For(CurrentStructure current, PagePaths paths, HttpContext http)
    {
        string Href(string page) => paths.Of(http, page, current.Structure.Code);
        return new(current.Structure.Name, Href(Overview),
            Items.Where(i => current.Level >= i.Minimum).Select(i => new SideMenu.Link(i.Label, Href(i.Page))).ToList());
    }
}
