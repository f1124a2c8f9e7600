using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Referentials;

[Authorize(Policy = Policies.NationalAdmin)]
public class EditSpPlusMappingModel(AppDbContext db, ReferentialEditor editor) : PageModel
{
    public SpPlusCommitment Commitment { get; private set; } = null!;
    public IReadOnlyList<Referential> Referentials { get; private set; } = [];
    public Referential Referential { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? ReferentialId { get; set; }

    [BindProperty]
    public List<int> Engagements { get; set; } = [];

    /// <summary>The commitment's version read before editing.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int number)
    {
        if (!await LoadAsync(number))
        {
            return NotFound();
        }
        Engagements = Commitment.Mappings.Where(m => m.Engagement.ReferentialId == Referential.Id).Select(m => m.Engagement.Number).ToList();
        Version = Commitment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int number)
    {
        if (!await LoadAsync(number))
        {
            return NotFound();
        }
        List<FieldError> errors;
        try
        {
            errors = await editor.SaveSpPlusMappingAsync(number, Referential.Id, Engagements, Version);
        }
        catch (StaleVersionException stale)
        {
            await LoadAsync(number);
            this.ShowConflict(stale, "ces correspondances", nameof(Version));
            Version = stale.CurrentVersion;
            return Page();
        }
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, prefix: "");
            return Page();
        }
        TempData["Success"] = $"Correspondances de l'engagement Services Publics + n° {number} enregistrées.";
        return RedirectToPage("/Referentials/SpPlus", null, null, $"sp-{number}");
    }

    private async Task<bool> LoadAsync(int number)
    {
        var commitment = await db.SpPlusCommitments.Include(c => c.Mappings).ThenInclude(m => m.Engagement)
            .FirstOrDefaultAsync(c => c.Number == number);
        Referentials = await db.Referentials.Include(r => r.Modules.OrderBy(m => m.Number)).ThenInclude(m => m.Engagements.OrderBy(e => e.Number))
            .AsSplitQuery().OrderByDescending(r => r.EffectiveFrom).ToListAsync();
        // Without a choice, the newest version that already carries SP+ correspondences (Quali-ATE today).
        var mapped = await db.SpPlusMappings.Select(m => m.Engagement.ReferentialId).Distinct().ToListAsync();
        var referential = Referentials.FirstOrDefault(r => r.Id == ReferentialId)
            ?? Referentials.FirstOrDefault(r => mapped.Contains(r.Id))
            ?? (Referentials.Count > 0 ? Referentials[0] : null);
        if (commitment is null || referential is null)
        {
            return false;
        }
        Commitment = commitment;
        Referential = referential;
        return true;
    }
}
