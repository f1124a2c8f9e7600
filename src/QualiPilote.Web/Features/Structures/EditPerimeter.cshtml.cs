using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Structures;

[Authorize(Policy = Policies.StructureManage)]
public class EditPerimeterModel(StructureAccess access, AppDbContext db, PerimeterEditor editor) : StructurePageModel(access)
{
    public IReadOnlyList<Referential> Referentials { get; private set; } = [];
    public Referential Referential { get; private set; } = null!;
    public IReadOnlyList<Service> Services { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? ReferentialId { get; set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var existing = (await editor.ListAsync(Structure.Id)).FirstOrDefault(p => p.ReferentialId == Referential.Id);
        var modules = Referential.Modules.ToDictionary(m => m.Id, m => m.Number);
        Input = existing is null
            ? new EditInput { Included = Referential.Modules.Where(m => m.IsMandatory).Select(m => m.Number).ToList() }
            : new EditInput
            {
                DecidedOn = existing.DecidedOn,
                DecidedBy = existing.DecidedBy,
                Included = existing.Modules.Select(m => modules[m.ModuleId]).ToList(),
                Services = existing.Modules.ToDictionary(m => modules[m.ModuleId], m => m.Services.Select(s => s.Service.Code).ToList()),
                Version = existing.Version,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        List<FieldError> errors;
        try
        {
            errors = await editor.SaveAsync(Structure.Id, new PerimeterInput
            {
                ReferentialId = Referential.Id,
                DecidedOn = Input.DecidedOn,
                DecidedBy = Input.DecidedBy,
                Modules = Input.Included.Distinct().ToDictionary(n => n, n => Input.Services.GetValueOrDefault(n) ?? []),
                Version = Input.Version,
            });
        }
        catch (StaleVersionException stale)
        {
            this.ShowConflict(stale, "ce périmètre");
            Input.Version = stale.CurrentVersion;
            return Page();
        }
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Success"] = $"Périmètre {Referential.Label} enregistré.";
        return RedirectToPage("/Structures/Perimeter", new { code = Structure.Code });
    }

    private async Task<bool> LoadAsync()
    {
        Referentials = await db.Referentials.AsNoTracking().Include(r => r.Modules.OrderBy(m => m.Number))
            .OrderByDescending(r => r.EffectiveFrom).ToListAsync();
        Services = await db.Services.AsNoTracking().Where(s => s.StructureId == Structure.Id).OrderBy(s => s.Code).ToListAsync();
        var referential = ReferentialId is null ? (Referentials.Count > 0 ? Referentials[0] : null) : Referentials.FirstOrDefault(r => r.Id == ReferentialId);
        if (referential is null)
        {
            return false;
        }
        Referential = referential;
        return true;
    }

    public sealed class EditInput
    {
        [Required, Display(Name = "Date de la décision"), PlausibleDate]
        public DateOnly? DecidedOn { get; set; }

        [Required, StringLength(200), Display(Name = "Instance qui a décidé")]
        public string? DecidedBy { get; set; }

        /// <summary>Numbers of the modules retained (mandatory ones are added whatever is posted).</summary>
        public List<int> Included { get; set; } = [];

        /// <summary>Module number → codes of the services deploying it.</summary>
        public Dictionary<int, List<string>> Services { get; set; } = [];

        /// <summary>The version of the stored perimeter read before editing; none for a first perimeter.</summary>
        public int? Version { get; set; }
    }
}
