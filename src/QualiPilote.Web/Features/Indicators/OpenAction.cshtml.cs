using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>"Open an improvement action" on a value below its target, in one click from the home page or the drill-down:
/// the action is created pre-filled (origin, what the value was, a link back here) and the alert keeps the action's id.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class OpenActionModel(StructureAccess access, IndicatorEditor editor, IndicatorQuery query) : StructurePageModel(access)
{
    public IndicatorResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string indicator, string period) =>
        await LoadAsync(indicator, period) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string indicator, string period)
    {
        if (!await LoadAsync(indicator, period))
        {
            return NotFound();
        }
        var (actionId, errors) = await editor.OpenActionAsync(Structure, Scope, Result!);
        if (actionId is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Success"] = $"Action d'amélioration ouverte pour « {Result!.Indicator.Label} », {Result.Period.Label} : complétez-la (responsable, échéance).";
        return RedirectToPage("/ActionPlan/Details", new { code = Structure.Code, actionId });
    }

    private async Task<bool> LoadAsync(string indicator, string period)
    {
        var found = await editor.FindAsync(Structure.Id, indicator);
        if (found is null || !Period.TryParse(period, out var parsed))
        {
            return false;
        }
        Result = (await query.ComputeAsync(Structure, [parsed], only: [found])).Single();
        return true;
    }
}
