using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Audits;

[Authorize(Policy = Policies.StructureAuditRead)] // and only the auditor the audit names, checked once it is read
public class AddFindingModel(StructureAccess access, AppDbContext db, AuditEditor editor) : StructurePageModel(access)
{
    [BindProperty]
    public FindingInput Input { get; set; } = new();

    public Audit Audit { get; private set; } = null!;
    public IEnumerable<SelectListItem> Engagements { get; private set; } = [];
    public IEnumerable<SelectListItem> Services { get; private set; } = [];

    public static IEnumerable<SelectListItem> Types => Enum.GetValues<FindingType>().Select(t => new SelectListItem(t.Label(), t.ToString()));

    public async Task<IActionResult> OnGetAsync(int auditId) =>
        !await LoadAsync(auditId) ? NotFound() : AuditEditor.MayRecordFindings(Level, UserId, Audit) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(int auditId)
    {
        if (!await LoadAsync(auditId))
        {
            return NotFound();
        }
        if (!AuditEditor.MayRecordFindings(Level, UserId, Audit))
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var (finding, errors) = await editor.AddFindingAsync(Structure.Id, auditId, Input);
            if (finding is not null)
            {
                TempData["Success"] = $"{finding.Type.Label()} enregistré(e).";
                return RedirectToPage("/Audits/Details", null, new { code = Structure.Code, auditId }, $"constat-{finding.Id}");
            }
            ModelState.AddErrors(errors);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int auditId)
    {
        var audit = await editor.FindAsync(Structure.Id, auditId);
        if (audit is null)
        {
            return false;
        }
        Audit = audit;
        var moduleIds = audit.Modules.Select(m => m.ModuleId).ToList();
        Engagements = (await db.Engagements.AsNoTracking()
                .Where(e => e.ReferentialId == audit.ReferentialId && (moduleIds.Count == 0 || moduleIds.Contains(e.ModuleId)))
                .OrderBy(e => e.Number).ToListAsync())
            .Select(e => new SelectListItem($"{e.Number}. {e.Text}", e.Id.ToString(Fr.Culture)))
            .ToList();
        Services = (await db.Services.AsNoTracking().Where(s => s.StructureId == Structure.Id).OrderBy(s => s.Code).ToListAsync())
            .Select(s => new SelectListItem(s.Label, s.Code)).ToList();
        return true;
    }
}
