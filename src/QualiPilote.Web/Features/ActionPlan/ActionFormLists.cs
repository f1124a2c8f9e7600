using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Lists shared by the create and edit forms.</summary>
public static class ActionFormLists
{
    /// <summary>The services the user may give an action to: all for a quality referent, their own for a relay referent.</summary>
    public static async Task<IEnumerable<SelectListItem>> EditableServicesAsync(AppDbContext db, Structures.Structure structure, UserScope scope) =>
        (await db.Services.AsNoTracking().Where(s => s.StructureId == structure.Id).OrderBy(s => s.Code).ToListAsync())
            .Where(s => scope.CanEditService(structure, s.Id))
            .Select(s => new SelectListItem(s.Label, s.Code))
            .ToList();
}
