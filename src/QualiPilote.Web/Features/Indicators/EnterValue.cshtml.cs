using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Hand entry of a value and its comment for a period (SP+ survey results, social networks, a year before the registers).</summary>
[Authorize(Policy = Policies.StructureManage)]
public class EnterValueModel(StructureAccess access, AppDbContext db, IndicatorEditor editor) : StructurePageModel(access)
{
    [BindProperty]
    public ValueInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodKey { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string indicator)
    {
        if (!await LoadAsync(indicator))
        {
            return NotFound();
        }
        if (Period.TryParse(PeriodKey, out var period))
        {
            var existing = await db.Set<IndicatorValue>().AsNoTracking()
                .FirstOrDefaultAsync(v => v.StructureId == Structure.Id && v.IndicatorId == Indicator.Id && v.Period == period.Key);
            Input = new ValueInput { Value = existing?.Value?.ToString(Fr.Culture), Comment = existing?.Comment, Version = existing?.Version };
        }
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
                errors = await editor.SaveValueAsync(Structure, Indicator, PeriodKey ?? "", Input, User);
            }
            catch (StaleVersionException stale)
            {
                await LoadAsync(indicator);
                this.ShowConflict(stale, "la saisie de cette période");
                Input.Version = stale.CurrentVersion;
                return Page();
            }
            if (errors.Count == 0)
            {
                var period = Period.TryParse(PeriodKey, out var saved) ? saved : default;
                TempData["Success"] = $"Saisie enregistrée pour « {Indicator.Label} », {period.Label}.";
                return RedirectToPage("/Indicators/Details", new { code = Structure.Code, indicator = Indicator.Code, period = period.Key });
            }
            ModelState.AddErrors(errors.Where(e => e.Field != "period"));
            foreach (var error in errors.Where(e => e.Field == "period"))
            {
                ModelState.AddModelError("periode", $"Période : {error.Message}");
            }
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string code)
    {
        var found = await editor.FindAsync(Structure.Id, code);
        if (found is null)
        {
            return false;
        }
        Indicator = found;
        return true;
    }
}
