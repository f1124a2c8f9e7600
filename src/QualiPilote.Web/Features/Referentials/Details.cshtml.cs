using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QualiPilote.Web.Features.Referentials;

public class DetailsModel(ReferentialExporter loader) : PageModel
{
    public Referential Referential { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var referential = await loader.LoadAsync(id);
        if (referential is null)
        {
            return NotFound();
        }
        Referential = referential;
        return Page();
    }
}
