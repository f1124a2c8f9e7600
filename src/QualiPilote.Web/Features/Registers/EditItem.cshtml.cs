using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Enters one item of correspondence, or corrects one (?reference=…), with the rules of a file line.
/// A relay referent works on their own service's lines only.</summary>
[Authorize(Policy = Policies.StructureServiceEdit)]
public class EditItemModel(StructureAccess access, AppDbContext db, CorrespondenceEditor editor) : StructurePageModel(access)
{
    [BindProperty]
    public CorrespondenceInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    public bool Creating => string.IsNullOrEmpty(Reference);

    public IEnumerable<SelectListItem> Services { get; private set; } = [];

    public static IEnumerable<SelectListItem> Channels => CorrespondenceChannels.All.Select(c => new SelectListItem(c.Label(), c.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Creating)
        {
            return Page();
        }
        var item = await db.Set<CorrespondenceItem>().AsNoTracking().FirstOrDefaultAsync(i => i.StructureId == Structure.Id && i.Reference == Reference);
        if (item is null)
        {
            return NotFound();
        }
        if (!Scope.CanEditService(Structure, item.ServiceId))
        {
            return Forbid();
        }
        var service = await db.Set<Service>().AsNoTracking().FirstAsync(s => s.Id == item.ServiceId);
        Input = new CorrespondenceInput
        {
            Reference = item.Reference,
            ServiceCode = service.Code,
            Channel = item.Channel,
            ReceivedOn = item.ReceivedOn,
            AnsweredOn = item.AnsweredOn,
            HasContact = item.HasContact,
            InPerimeter = item.InPerimeter,
            Version = item.BatchId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Creating)
        {
            Input.Reference = Reference;
        }
        List<FieldError> errors;
        try
        {
            errors = await editor.SaveAsync(Structure, Scope, User, Input, Creating);
        }
        catch (StaleVersionException stale)
        {
            ModelState.Clear();
            this.ShowConflict(stale, "cette ligne du registre");
            Input.Version = stale.CurrentVersion;
            await LoadAsync();
            return Page();
        }
        if (errors.Count == 0)
        {
            TempData["Success"] = $"Élément « {Input.Reference} » enregistré ; les indicateurs sont à jour.";
            return RedirectToPage("/Registers/Correspondence", new { code = Structure.Code, annee = Input.ReceivedOn!.Value.Year });
        }
        ModelState.Clear();
        ModelState.AddErrors(errors);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Services = (await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == Structure.Id).OrderBy(s => s.Code).ToListAsync())
            .Where(s => Scope.CanEditService(Structure, s.Id))
            .Select(s => new SelectListItem(s.Label, s.Code));
}
