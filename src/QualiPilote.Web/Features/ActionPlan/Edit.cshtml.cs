using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Edits an action and its follow-up. The form carries the version it was read at: when someone saved in
/// between, nothing is overwritten; the page keeps what the user typed, shows what the other person changed, and
/// takes the new version so that saving again is a deliberate choice.</summary>
[Authorize(Policy = Policies.StructureServiceEdit)]
public class EditModel(StructureAccess access, AppDbContext db, ActionPlanEditor editor) : StructurePageModel(access), IActionForm
{
    public sealed record Difference(string Field, string Yours, string Theirs);

    [BindProperty]
    public ActionUpdateInput Input { get; set; } = new();

    ActionFields IActionForm.Input => Input;

    public IEnumerable<SelectListItem> Services { get; private set; } = [];
    public IReadOnlyList<EngagementOption> Engagements { get; private set; } = [];
    public ImprovementAction Action { get; private set; } = null!;
    /// <summary>Set when the save collided with someone else's: the version they stored.</summary>
    public ImprovementAction? Conflict { get; private set; }
    public IReadOnlyList<Difference> Differences { get; private set; } = [];

    public static IEnumerable<SelectListItem> Statuses => Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()));
    public static IEnumerable<SelectListItem> EfficacyResults => Enum.GetValues<EfficacyResult>().Select(s => new SelectListItem(s.Label(), s.ToString()));

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        var action = await LoadActionAsync(actionId);
        if (action is null)
        {
            return NotFound();
        }
        if (!ActionPlanEditor.CanEdit(Structure, Scope, action))
        {
            return Forbid();
        }
        Input = ActionPlanEditor.ToUpdateInput(action);
        await LoadListsAsync(action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int actionId)
    {
        var action = await LoadActionAsync(actionId);
        if (action is null)
        {
            return NotFound();
        }
        if (!ActionPlanEditor.CanEdit(Structure, Scope, action))
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var result = await editor.UpdateAsync(Structure, Scope, actionId, Input, User.DisplayName());
            switch (result.Outcome)
            {
                case ActionUpdateOutcome.Saved:
                    TempData["Success"] = "Action enregistrée.";
                    return RedirectToPage("/ActionPlan/Details", new { code = Structure.Code, actionId });
                case ActionUpdateOutcome.NotFound:
                    return NotFound();
                case ActionUpdateOutcome.Forbidden:
                    return Forbid();
                case ActionUpdateOutcome.Conflict:
                    Conflict = result.Action!;
                    await LoadListsAsync(action);
                    Differences = Compare(Input, ActionPlanEditor.ToUpdateInput(Conflict), Engagements);
                    ModelState.Remove("Input.Version");
                    Input.Version = Conflict.Version;
                    ModelState.AddModelError("", $"{Conflict.UpdatedBy ?? "Une autre personne"} a modifié cette action le {Fr.DateTime(Conflict.UpdatedAt ?? Conflict.CreatedAt)} pendant que vous la modifiiez : vos modifications n'ont pas été enregistrées. Comparez ci-dessous, reprenez ce qui doit l'être, puis enregistrez à nouveau.");
                    return Page();
                default:
                    ModelState.AddErrors(result.Errors);
                    break;
            }
        }
        await LoadListsAsync(action);
        return Page();
    }

    private Task<ImprovementAction?> LoadActionAsync(int actionId) =>
        db.Set<ImprovementAction>().AsNoTracking().Include(a => a.Service).Include(a => a.Engagements)
            .FirstOrDefaultAsync(a => a.Id == actionId && a.StructureId == Structure.Id);

    private async Task LoadListsAsync(ImprovementAction action)
    {
        Action = action;
        Services = await ActionFormLists.EditableServicesAsync(db, Structure, Scope);
        if (action.Service is { } current && Services.All(s => s.Value != current.Code))
        {
            Services = Services.Append(new SelectListItem(current.Label, current.Code));
        }
        Engagements = await editor.EngagementOptionsAsync(Structure.Id, action.Engagements.Select(e => e.EngagementId));
    }

    /// <summary>The fields where what the user typed differs from what the other person stored.</summary>
    public static List<Difference> Compare(ActionUpdateInput yours, ActionUpdateInput theirs, IReadOnlyList<EngagementOption> engagements)
    {
        string Engagements(List<int> ids) => ids.Count == 0 ? "–"
            : string.Join(", ", ids.Order().Select(actionId => engagements.FirstOrDefault(e => e.Id == actionId) is { } e ? $"E{e.Number}" : actionId.ToString(Fr.Culture)));
        var fields = new (string Field, string Yours, string Theirs)[]
        {
            ("Intitulé", yours.Title ?? "", theirs.Title ?? ""),
            ("Description", yours.Description ?? "", theirs.Description ?? ""),
            ("Origine", yours.Origin?.Label() ?? "", theirs.Origin?.Label() ?? ""),
            ("Précision sur l'origine", yours.OriginDetail ?? "", theirs.OriginDetail ?? ""),
            ("Engagements", Engagements(yours.EngagementIds), Engagements(theirs.EngagementIds)),
            ("Service pilote", yours.ServiceCode ?? "", theirs.ServiceCode ?? ""),
            ("Responsable", yours.OwnerName ?? "", theirs.OwnerName ?? ""),
            ("Début", Fr.Date(yours.StartDate), Fr.Date(theirs.StartDate)),
            ("Échéance", Fr.Date(yours.DueDate), Fr.Date(theirs.DueDate)),
            ("Statut", yours.Status?.Label() ?? "", theirs.Status?.Label() ?? ""),
            ("Motif", yours.StatusReason ?? "", theirs.StatusReason ?? ""),
            ("Avancement", $"{yours.Progress} %", $"{theirs.Progress} %"),
            ("Réalisée le", Fr.Date(yours.CompletedOn), Fr.Date(theirs.CompletedOn)),
            ("Efficacité", yours.Efficacy?.Label() ?? "", theirs.Efficacy?.Label() ?? ""),
            ("Vérification de l'efficacité", yours.EfficacyNote ?? "", theirs.EfficacyNote ?? ""),
        };
        return fields.Where(f => f.Yours.Trim() != f.Theirs.Trim())
            .Select(f => new Difference(f.Field, f.Yours.Length == 0 ? "–" : f.Yours, f.Theirs.Length == 0 ? "–" : f.Theirs))
            .ToList();
    }
}
