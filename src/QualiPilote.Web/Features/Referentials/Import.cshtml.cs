using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Referentials;

[Authorize(Policy = Policies.NationalAdmin)]
public class ImportModel(ReferentialImporter importer, AppDbContext db) : PageModel
{
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public IEnumerable<SelectListItem> Existing { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Input.File is null || Input.File.Length == 0)
        {
            ModelState.AddModelError("Input.File", "Fichier : joignez un fichier .yaml, .json ou .xlsx.");
        }
        else if (Input.File.Length > ReferentialImporter.MaxFileBytes)
        {
            ModelState.AddModelError("Input.File", "Fichier : " + ReferentialImporter.TooLarge(Input.File.Length));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ReferentialTarget? target = null;
        if (Input.ExistingId is { } existingId && await db.Referentials.FindAsync(existingId) is { } existing)
        {
            target = new ReferentialTarget(existing.Code, null, existing.Version, null);
        }
        else if (!string.IsNullOrWhiteSpace(Input.Code))
        {
            target = new ReferentialTarget(Input.Code, Input.Name, Input.Version, Input.EffectiveFrom);
        }
        await using var stream = Input.File!.OpenReadStream();
        var result = await importer.ImportAsync(stream, Input.File.FileName, target);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            ModelState.AddModelError("", $"Import refusé : {Fr.Count(result.Errors.Count, "erreur")}, rien n'a été enregistré. Le détail figure ci-dessous.");
            return Page();
        }
        var summary = result.Summary!;
        TempData["Success"] = summary.NothingChanged
            ? "Import terminé : le fichier ne change rien au référentiel."
            : $"Import terminé : {Fr.Count(summary.Created, "élément créé", "éléments créés")}, {Fr.Count(summary.Updated, "modifié")}, {Fr.Count(summary.Deleted, "supprimé")}.";
        return RedirectToPage("/Referentials/Details", new { id = summary.ReferentialId });
    }

    private async Task LoadAsync() =>
        Existing = (await db.Referentials.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Version).ToListAsync())
            .Select(r => new SelectListItem(r.Label, r.Id.ToString(Fr.Culture)));

    public sealed class ImportInput
    {
        [Display(Name = "Fichier (.yaml, .json ou .xlsx)")]
        public IFormFile? File { get; set; }

        [Display(Name = "Référentiel existant à compléter")]
        public int? ExistingId { get; set; }

        [StringLength(60), Display(Name = "Code du référentiel")]
        public string? Code { get; set; }

        [StringLength(200), Display(Name = "Nom")]
        public string? Name { get; set; }

        [StringLength(60), Display(Name = "Version")]
        public string? Version { get; set; }

        [Display(Name = "Date d'effet"), PlausibleDate]
        public DateOnly? EffectiveFrom { get; set; }
    }
}
