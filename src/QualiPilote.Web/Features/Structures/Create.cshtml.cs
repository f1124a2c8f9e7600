using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Structures;

[Authorize(Policy = Policies.NationalAdmin)]
public class CreateModel(StructureEditor editor) : PageModel
{
    [BindProperty]
    public StructureInput Input { get; set; } = new();

    public static IEnumerable<SelectListItem> Types =>
        Enum.GetValues<StructureType>().Select(t => new SelectListItem(t.Label(), t.ToString()));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (structure, errors) = await editor.CreateAsync(Input);
        if (structure is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Success"] = $"Structure « {structure.Name} » créée.";
        return RedirectToPage("/Structures/Details", new { code = structure.Code });
    }
}
