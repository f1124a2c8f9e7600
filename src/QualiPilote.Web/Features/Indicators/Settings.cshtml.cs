using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The quality referent's settings: which indicators the public sees, local targets and alert thresholds, own indicators.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class SettingsModel(StructureAccess access, AppDbContext db, IndicatorQuery query, IndicatorEditor editor, TimeProvider clock) : StructurePageModel(access)
{
    [BindProperty]
    public TargetInput Target { get; set; } = new();

    [BindProperty]
    public string? TargetIndicator { get; set; }

    [BindProperty]
    public OwnIndicatorInput Input { get; set; } = new();

    [BindProperty]
    public List<int> Published { get; set; } = [];

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public IReadOnlyList<LocalTarget> LocalTargets { get; private set; } = [];
    public HashSet<int> PublishedIds { get; private set; } = [];
    public int Year { get; private set; }

    public static IEnumerable<SelectListItem> Units => Enum.GetValues<IndicatorUnit>().Select(u => new SelectListItem(u.Label(), u.ToString()));
    public static IEnumerable<SelectListItem> Periodicities => Enum.GetValues<IndicatorPeriodicity>().Select(u => new SelectListItem(u.Label(), u.ToString()));
    public static IEnumerable<SelectListItem> Directions => Enum.GetValues<IndicatorDirection>().Select(u => new SelectListItem(u.Label(), u.ToString()));
    public IEnumerable<SelectListItem> IndicatorItems => Indicators.Select(i => new SelectListItem(i.Label, i.Code));

    public async Task OnGetAsync()
    {
        Target = new TargetInput { FromYear = clock.Today().Year };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        await editor.SetPublishedAsync(Structure, Published);
        TempData["Success"] = $"Publication enregistrée : {Fr.Count(Published.Count, "indicateur visible", "indicateurs visibles")} sur la page publique.";
        return RedirectToPage("/Indicators/Settings", new { code = Structure.Code });
    }

    // The three forms bind into one page model: each handler keeps only the errors of its own form.
    public async Task<IActionResult> OnPostTargetAsync()
    {
        ModelState.Clear();
        var indicator = TargetIndicator is null ? null : await editor.FindAsync(Structure.Id, TargetIndicator);
        if (indicator is null)
        {
            ModelState.AddModelError(nameof(TargetIndicator), "Indicateur : choisissez un indicateur.");
        }
        else
        {
            try
            {
                ModelState.AddErrors(await editor.SaveLocalTargetAsync(Structure, indicator, Target), nameof(Target));
            }
            catch (StaleVersionException stale)
            {
                this.ShowConflict(stale, "la cible locale de cet indicateur pour cette année", "Target.Version");
                Target.Version = stale.CurrentVersion;
                await LoadAsync();
                return Page();
            }
        }
        if (ModelState.ErrorCount == 0)
        {
            TempData["Success"] = $"Cible locale enregistrée pour « {indicator!.Label} » à partir de {Target.FromYear}.";
            return RedirectToPage("/Indicators/Settings", new { code = Structure.Code });
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        ModelState.Clear();
        var (indicator, errors) = await editor.CreateOwnAsync(Structure, Input);
        if (indicator is not null)
        {
            TempData["Success"] = $"Indicateur « {indicator.Label} » ajouté : saisissez ses valeurs depuis le tableau de bord.";
            return RedirectToPage("/Indicators/Settings", new { code = Structure.Code });
        }
        ModelState.AddErrors(errors);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Year = clock.Today().Year;
        Indicators = await query.IndicatorsAsync(Structure.Id);
        LocalTargets = await db.Set<LocalTarget>().AsNoTracking().Where(t => t.StructureId == Structure.Id)
            .Include(t => t.Indicator).OrderBy(t => t.Indicator.SortOrder).ThenBy(t => t.FromYear).ToListAsync();
        PublishedIds = (await db.Set<PublishedIndicator>().AsNoTracking().Where(p => p.StructureId == Structure.Id).Select(p => p.IndicatorId).ToListAsync()).ToHashSet();
    }
}
