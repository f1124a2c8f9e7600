using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Response deadlines per channel with the date they take effect; saving recomputes the items and indicators concerned.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class DeadlinesModel(StructureAccess access, AppDbContext db, DeadlineEditor editor) : StructurePageModel(access)
{
    [BindProperty]
    public DeadlineInput Input { get; set; } = new();

    public IReadOnlyList<ResponseDeadline> Deadlines { get; private set; } = [];

    public static IEnumerable<SelectListItem> Channels => CorrespondenceChannels.All.Select(c => new SelectListItem(c.Label(), c.ToString()));

    /// <summary>« Modifier » on a row fills the form with that deadline and its version.</summary>
    public async Task OnGetAsync(int? id)
    {
        await LoadAsync();
        if (Deadlines.FirstOrDefault(d => d.Id == id) is { } rule)
        {
            Input = new DeadlineInput { Channel = rule.Channel, EffectiveFrom = rule.EffectiveFrom, Days = rule.Days, WorkingDays = rule.WorkingDays, Version = rule.Version };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            List<FieldError> errors;
            try
            {
                errors = await editor.SaveAsync(Structure, Input);
            }
            catch (StaleVersionException stale)
            {
                this.ShowConflict(stale, "le délai de ce canal à cette date");
                Input.Version = stale.CurrentVersion;
                await LoadAsync();
                return Page();
            }
            if (errors.Count == 0)
            {
                TempData["Success"] = $"Délai enregistré : {Input.Channel!.Value.Label().ToLowerInvariant()}s reçus à partir du {Fr.Date(Input.EffectiveFrom)}, {Input.Days} jours. Les indicateurs sont recalculés.";
                return RedirectToPage("/Registers/Deadlines", new { code = Structure.Code });
            }
            ModelState.AddErrors(errors);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!await editor.DeleteAsync(Structure, id))
        {
            return NotFound();
        }
        TempData["Success"] = "Délai supprimé ; les indicateurs sont recalculés.";
        return RedirectToPage("/Registers/Deadlines", new { code = Structure.Code });
    }

    private async Task LoadAsync() =>
        Deadlines = await db.Set<ResponseDeadline>().AsNoTracking().Where(d => d.StructureId == Structure.Id)
            .OrderBy(d => d.Channel).ThenBy(d => d.EffectiveFrom).ToListAsync();
}
