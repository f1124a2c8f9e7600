using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Labelling;

[Authorize(Policy = Policies.StructureManage)]
public class CreateModel(StructureAccess access, AppDbContext db, MilestoneEditor editor, IMilestoneAudits audits) : MilestoneFormPage(access, db, audits)
{
    public async Task OnGetAsync() => await LoadListsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (milestone, errors) = await editor.SaveAsync(Structure.Id, null, Input);
            if (milestone is not null)
            {
                TempData["Success"] = $"Étape « {milestone.Label} » ajoutée au rétro-planning.";
                return RedirectToPage("/Labelling/Index", new { code = Structure.Code });
            }
            ModelState.AddErrors(errors);
        }
        await LoadListsAsync();
        return Page();
    }
}
