using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Structures;

[Authorize(Policy = Policies.StructureManage)]
public class AddServiceModel(StructureAccess access, StructureEditor editor) : StructurePageModel(access)
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (service, errors) = await editor.AddServiceAsync(Structure.Id, Input);
        if (service is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Success"] = $"Service « {service.Label} » ajouté.";
        return RedirectToPage("/Structures/Details", new { code = Structure.Code });
    }
}
