using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>The side menu of a structure's pages. Each capability adds its entry here;
/// an entry shows only to users whose level on the structure reaches its minimum.</summary>
public static class StructureMenu
{
    public sealed record Item(string Label, string Path, AccessLevel Minimum);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("Vue d'ensemble", "", AccessLevel.AuditRead),
        new("Périmètre de labellisation", "perimetre", AccessLevel.AuditRead),
        new("Auto-diagnostic", "auto-diagnostic", AccessLevel.AuditRead),
        new("Preuves", "preuves", AccessLevel.AuditRead),
        new("Plan d'action", "actions", AccessLevel.AuditRead),
        new("Indicateurs", "indicateurs", AccessLevel.Read),
        new("Registres", "registres", AccessLevel.Read),
        new("Audits", "audits", AccessLevel.Read),
        new("Rétro-planning de labellisation", "retroplanning", AccessLevel.Read),
        new("Publication des résultats", "publication", AccessLevel.Manage),
        new("Membres et rôles", "membres", AccessLevel.Manage),
        new("Journal des modifications", "journal", AccessLevel.Manage),
    ];

    /// <summary>The menu this user sees on this structure's pages, for the shared layout.</summary>
    public static SideMenu For(CurrentStructure current) => new(current.Structure.Name, $"/structures/{current.Structure.Code}",
        Items.Where(i => current.Level >= i.Minimum).Select(i => new SideMenu.Link(i.Label, i.Path)).ToList());
}
