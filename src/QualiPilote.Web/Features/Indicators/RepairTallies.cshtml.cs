using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The confirmation, then the repair, of one structure's tallies: the months that differ are recounted from the
/// registers. Done only when the confirmation page posted it.</summary>
[Authorize(Policy = Policies.NationalAdmin)]
public class RepairTalliesModel(AppDbContext db, TallyCheck check) : PageModel
{
    public TallyCheck.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await FindAsync(code) is not { } structure)
        {
            return NotFound();
        }
        Result = await check.CheckAsync(structure, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (await FindAsync(code) is not { } structure)
        {
            return NotFound();
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            Result = await check.CheckAsync(structure, HttpContext.RequestAborted);
            return Page();
        }
        var repaired = await check.RepairAsync(structure, HttpContext.RequestAborted);
        TempData["Success"] = repaired.Matches
            ? $"Les comptages de {structure.Code} étaient déjà égaux au recomptage : rien n'a été changé."
            : $"Comptages de {structure.Code} réparés : {Fr.Count(repaired.Differences.Count, "écart")} {Fr.Word(repaired.Differences.Count, "corrigé")} depuis les registres.";
        return RedirectToPage("/Indicators/CheckTallies", new { verifier = "oui" });
    }

    private Task<Structure?> FindAsync(string code) => db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, HttpContext.RequestAborted);
}
