using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

[Authorize(Policy = Policies.NationalAdmin)]
public class NationalTargetModel(AppDbContext db, IndicatorEditor editor, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

    public Indicator Indicator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string indicator)
    {
        if (!await LoadAsync(indicator))
        {
            return NotFound();
        }
        Input = new TargetInput { FromYear = clock.Today().Year };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string indicator)
    {
        if (!await LoadAsync(indicator))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            List<FieldError> errors;
            try
            {
                errors = await editor.SaveNationalTargetAsync(Indicator, Input);
            }
            catch (StaleVersionException stale)
            {
                await LoadAsync(indicator);
                this.ShowConflict(stale, "la cible nationale de cet indicateur pour cette année");
                Input.Version = stale.CurrentVersion;
                return Page();
            }
            if (errors.Count == 0)
            {
                TempData["Success"] = $"Cible nationale de « {Indicator.Label} » enregistrée à partir de {Input.FromYear}.";
                return RedirectToPage("/Indicators/Catalogue");
            }
            ModelState.AddErrors(errors);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string code)
    {
        var found = await db.Set<Indicator>().Include(i => i.NationalTargets).FirstOrDefaultAsync(i => i.StructureId == null && i.Code == code);
        Indicator = found!;
        return found is not null;
    }
}
