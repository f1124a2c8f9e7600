using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>National administrators set the SP+ target of each year (data, not code).</summary>
[Authorize(Policy = Policies.NationalAdmin)]
public class SpPlusTargetsModel(AppDbContext db, SpPlusTargetEditor editor) : PageModel
{
    public IReadOnlyList<SpPlusTarget> Targets { get; private set; } = [];

    [BindProperty]
    public TargetInput Input { get; set; } = new();

    /// <summary>« Modifier » on a row fills the form with that year's target and its version.</summary>
    public async Task OnGetAsync(int? annee)
    {
        await LoadAsync();
        if (Targets.FirstOrDefault(t => t.Year == annee) is { } target)
        {
            Input = new TargetInput { Year = target.Year, Percent = target.Percent, Source = target.Source, Version = target.Version };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            try
            {
                var (target, errors) = await editor.SaveAsync(Input.Year!.Value, Input.Percent, Input.Source, Input.Version);
                if (target is not null)
                {
                    TempData["Success"] = $"Cible {target.Year} : {Fr.Percent(target.Percent, 0)}.";
                    return RedirectToPage("/SelfAssessment/SpPlus/Targets");
                }
                ModelState.AddErrors(errors);
            }
            catch (StaleVersionException stale)
            {
                this.ShowConflict(stale, $"la cible {Input.Year}");
                Input.Version = stale.CurrentVersion;
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int year)
    {
        if (!await editor.DeleteAsync(year))
        {
            return NotFound();
        }
        TempData["Success"] = $"Cible {year} supprimée : l'année suit la cible précédente.";
        return RedirectToPage("/SelfAssessment/SpPlus/Targets");
    }

    private async Task LoadAsync() => Targets = await db.Set<SpPlusTarget>().AsNoTracking().OrderBy(t => t.Year).ToListAsync();

    public sealed class TargetInput
    {
        [Required, Range(2020, 2100), Display(Name = "Année")]
        public int? Year { get; set; }

        [Required, Range(0, 100), Display(Name = "Cible (en %)")]
        public double? Percent { get; set; }

        [StringLength(500), Display(Name = "Source")]
        public string? Source { get; set; }

        /// <summary>The version of the year's target read before editing; none for a new year.</summary>
        public int? Version { get; set; }
    }
}
