using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Audits;

[Authorize(Policy = Policies.StructureManage)]
public class CreateModel(StructureAccess access, AppDbContext db, AuditEditor editor) : AuditFormPage(access, db)
{
    public async Task<IActionResult> OnGetAsync() => await LoadListsAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        ReferentialId = Input.ReferentialId;
        if (!await LoadListsAsync())
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var (audit, errors) = await editor.SaveAsync(Structure.Id, null, Input);
            if (audit is not null)
            {
                TempData["Success"] = "Audit enregistré ; il figure aussi dans le rétro-planning.";
                return RedirectToPage("/Audits/Details", new { code = Structure.Code, auditId = audit.Id });
            }
            ModelState.AddErrors(errors);
        }
        return Page();
    }
}
