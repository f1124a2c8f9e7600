using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>A new action; other features link here with the form pre-filled through the query string
/// (?origin=IndicatorAlert&amp;originDetail=…&amp;title=…&amp;serviceCode=…).</summary>
[Authorize(Policy = Policies.StructureServiceEdit)]
public class CreateModel(StructureAccess access, AppDbContext db, ActionPlanEditor editor) : StructurePageModel(access), IActionForm
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    ActionFields IActionForm.Input => Input;

    public IEnumerable<SelectListItem> Services { get; private set; } = [];

    public IReadOnlyList<EngagementOption> Engagements { get; private set; } = [];

    public async Task OnGetAsync(ActionOrigin? origin, string? originDetail, string? title, string? serviceCode)
    {
        Input = new ActionInput { Origin = origin, OriginDetail = originDetail, Title = title, ServiceCode = serviceCode };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (action, errors) = await editor.CreateAsync(Structure, Scope, Input);
            if (action is not null)
            {
                TempData["Success"] = $"Action « {action.Title} » ajoutée au plan d'action.";
                return RedirectToPage("/ActionPlan/Details", new { code = Structure.Code, actionId = action.Id });
            }
            ModelState.AddErrors(errors);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Services = await ActionFormLists.EditableServicesAsync(db, Structure, Scope);
        Engagements = await editor.EngagementOptionsAsync(Structure.Id);
    }
}
