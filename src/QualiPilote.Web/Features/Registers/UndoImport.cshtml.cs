using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The confirmation page of undoing an import: what will be removed and restored, or why it cannot be undone; the
/// undo itself is the POST. Quality referents only: an undo changes the structure's published figures.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class UndoImportModel(StructureAccess access, ImportUndo undo) : StructurePageModel(access)
{
    public ImportUndo.Plan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int batch)
    {
        if (await undo.PlanAsync(Structure.Id, batch, HttpContext.RequestAborted) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int batch)
    {
        if (await undo.UndoAsync(Structure.Id, batch, User, HttpContext.RequestAborted) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        if (!plan.Possible)
        {
            return Page();
        }
        TempData["Success"] = $"Import n° {plan.Batch.Id} annulé : {Fr.Count(plan.Removed, "ligne retirée", "lignes retirées")}, {Fr.Count(plan.Restored, "remise", "remises")} à leur valeur précédente ; les indicateurs sont recalculés.";
        return RedirectToPage("/Registers/Index", new { code = Structure.Code });
    }
}
