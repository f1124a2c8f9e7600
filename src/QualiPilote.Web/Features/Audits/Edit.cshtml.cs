using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Audits;

/// <summary>Edits an audit, and takes its report (a second form on the page, same level).</summary>
[Authorize(Policy = Policies.StructureManage)]
public class EditModel(StructureAccess access, AppDbContext db, AuditEditor editor) : AuditFormPage(access, db)
{
    public Audit Audit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int auditId)
    {
        var audit = await editor.FindAsync(Structure.Id, auditId);
        if (audit is null || !await LoadListsAsync(audit.ReferentialId))
        {
            return NotFound();
        }
        Audit = audit;
        var sameReferential = audit.ReferentialId == Referential.Id;
        Input = new AuditInput
        {
            Kind = audit.Kind,
            Body = audit.Body,
            ReferentialId = Referential.Id,
            StartDate = audit.StartDate,
            EndDate = audit.EndDate,
            Auditors = audit.Auditors,
            AuditorEmail = audit.AuditorAccount?.Email,
            Conclusion = audit.Conclusion,
            Modules = sameReferential ? audit.Modules.Select(m => m.Module.Number).ToList() : [],
            Services = audit.Services.Select(s => s.Service.Code).ToList(),
            Version = audit.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int auditId)
    {
        ReferentialId = Input.ReferentialId;
        var audit = await editor.FindAsync(Structure.Id, auditId);
        if (audit is null || !await LoadListsAsync())
        {
            return NotFound();
        }
        Audit = audit;
        if (ModelState.IsValid)
        {
            try
            {
                var (saved, errors) = await editor.SaveAsync(Structure.Id, auditId, Input);
                if (saved is not null)
                {
                    TempData["Success"] = "Audit enregistré.";
                    return RedirectToPage("/Audits/Details", new { code = Structure.Code, auditId });
                }
                ModelState.AddErrors(errors);
            }
            catch (StaleVersionException stale)
            {
                this.ShowConflict(stale, "cet audit");
                Input.Version = stale.CurrentVersion;
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(int auditId, IFormFile? report)
    {
        var errors = await editor.AttachReportAsync(Structure.Id, auditId, report);
        if (errors.Count == 0)
        {
            TempData["Success"] = $"Rapport « {report!.FileName} » déposé.";
            return RedirectToPage("/Audits/Details", new { code = Structure.Code, auditId });
        }
        if (errors.Any(e => e.Field == "id"))
        {
            return NotFound();
        }
        foreach (var error in errors)
        {
            ModelState.AddModelError("Report", error.Message);
        }
        return await OnGetAsync(auditId);
    }
}
