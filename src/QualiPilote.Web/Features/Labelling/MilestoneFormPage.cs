using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Labelling;

/// <summary>What the pages that add and edit a milestone share.</summary>
public abstract class MilestoneFormPage(StructureAccess access, AppDbContext db, IMilestoneAudits audits) : StructurePageModel(access)
{
    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> Audits { get; private set; } = [];

    protected AppDbContext Db => db;

    /// <summary>Every kind a person sets; a label's expiry is computed from the label obtained, but can be entered by hand
    /// (a label granted before Quali-Pilote).</summary>
    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<MilestoneKind>().Select(k => new SelectListItem(k.Label(), k.ToString()));

    protected async Task LoadListsAsync() =>
        Audits = (await audits.ListAsync(Structure.Id, HttpContext.RequestAborted))
            .Select(a => new SelectListItem(a.Title, a.Id.ToString(Fr.Culture))).ToList();
}
