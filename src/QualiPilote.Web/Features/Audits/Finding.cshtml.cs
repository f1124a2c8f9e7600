using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Audits;

/// <summary>What the quality referent does to a finding in one click: turn it into an action. Deleting it has its
/// confirmation page (<see cref="DeleteFindingModel"/>).</summary>
[Authorize(Policy = Policies.StructureManage)]
public class FindingModel(StructureAccess access, AuditEditor editor) : StructurePageModel(access)
{
    public IActionResult OnGet(int auditId, int findingId) => RedirectToPage("/Audits/Details", null, new { code = Structure.Code, auditId }, $"constat-{findingId}");

    public async Task<IActionResult> OnPostActionAsync(int auditId, int findingId)
    {
        var (action, errors) = await editor.CreateActionAsync(Structure, Scope, auditId, findingId);
        if (action is null)
        {
            if (errors.Any(e => e.Field == "findingId"))
            {
                return NotFound();
            }
            TempData["Success"] = string.Join(" ", errors.Select(e => e.Message));
            return RedirectToPage("/Audits/Details", null, new { code = Structure.Code, auditId }, $"constat-{findingId}");
        }
        TempData["Success"] = $"Action « {action.Title} » créée depuis le constat : complétez son responsable et son échéance.";
        return RedirectToPage("/ActionPlan/Edit", new { code = Structure.Code, actionId = action.Id });
    }
}
