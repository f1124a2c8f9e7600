using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Labelling;

[Authorize(Policy = Policies.StructureManage)]
public class EditModel(StructureAccess access, AppDbContext db, MilestoneEditor editor, IMilestoneAudits audits) : MilestoneFormPage(access, db, audits)
{
    public async Task<IActionResult> OnGetAsync(int milestoneId)
    {
        var milestone = await Db.Set<Milestone>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == milestoneId && m.StructureId == Structure.Id);
        if (milestone is null)
        {
            return NotFound();
        }
        Input = new MilestoneInput
        {
            Kind = milestone.Kind,
            Title = milestone.Title,
            PlannedOn = milestone.PlannedOn,
            DoneOn = milestone.DoneOn,
            Note = milestone.Note,
            AuditId = milestone.AuditId,
            Version = milestone.Version,
        };
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int milestoneId)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var (milestone, errors) = await editor.SaveAsync(Structure.Id, milestoneId, Input);
                if (milestone is not null)
                {
                    TempData["Success"] = $"Étape « {milestone.Label} » enregistrée.";
                    return RedirectToPage("/Labelling/Index", new { code = Structure.Code });
                }
                if (errors.Any(e => e.Field == "id"))
                {
                    return NotFound();
                }
                ModelState.AddErrors(errors);
            }
            catch (StaleVersionException stale)
            {
                this.ShowConflict(stale, "cette étape");
                Input.Version = stale.CurrentVersion;
            }
        }
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int milestoneId)
    {
        if (!await editor.DeleteAsync(Structure.Id, milestoneId))
        {
            return NotFound();
        }
        TempData["Success"] = "Étape supprimée du rétro-planning.";
        return RedirectToPage("/Labelling/Index", new { code = Structure.Code });
    }
}
