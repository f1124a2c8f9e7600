using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Audits;

/// <summary>The confirmation of a finding's deletion (a GET page), then the deletion itself, done only when that page
/// posted it (<see cref="Confirmation.IsConfirmed"/>).</summary>
[Authorize(Policy = Policies.StructureManage)]
public class DeleteFindingModel(StructureAccess access, AuditEditor editor) : StructurePageModel(access)
{
    public Audit Audit { get; private set; } = null!;
    public AuditFinding Finding { get; private set; } = null!;
    public string AuditPath => Url.Page("/Audits/Details", new { code = Structure.Code, auditId = Audit.Id })!;

    public async Task<IActionResult> OnGetAsync(int auditId, int findingId) => await LoadAsync(auditId, findingId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int auditId, int findingId)
    {
        if (!await LoadAsync(auditId, findingId))
        {
            return NotFound();
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            return Page();
        }
        if (!await editor.DeleteFindingAsync(Structure.Id, auditId, findingId))
        {
            return NotFound();
        }
        TempData["Success"] = $"Constat supprimé ({Finding.Type.Label().ToLowerInvariant()}{(Finding.Engagement is null ? "" : $", engagement {Finding.Engagement.Number}")}).";
        return RedirectToPage("/Audits/Details", null, new { code = Structure.Code, auditId = Audit.Id }, "constats");
    }

    private async Task<bool> LoadAsync(int auditId, int findingId)
    {
        if (await editor.FindAsync(Structure.Id, auditId, HttpContext.RequestAborted) is not { } audit
            || audit.Findings.FirstOrDefault(f => f.Id == findingId) is not { } finding)
        {
            return false;
        }
        Audit = audit;
        Finding = finding;
        return true;
    }
}
