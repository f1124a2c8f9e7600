using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Assessing one module: one form per engagement (it works without JavaScript and saves a screenful at a time),
/// each row with its status, comment, evidence (linked, picked from the structure's evidence, or a file uploaded on the spot)
/// and, for a gap, the one-click improvement action. Relay referents get the forms of the modules their service deploys only;
/// the server refuses the others whatever is posted.</summary>
[Authorize(Policy = Policies.StructureServiceEdit)]
public class ModuleModel(StructureAccess access, CampaignQuery query, CampaignEditor editor, IFileStore files)
    : CampaignPageModel(access, query)
{
    public sealed class RowForm
    {
        public AssessmentStatus? Status { get; set; }
        public string? Comment { get; set; }
        public int Version { get; set; }
        public List<int> EvidenceIds { get; set; } = [];
        public int? AddEvidenceId { get; set; }
    }

    /// <summary>The rows of the engagement form that was posted, by requirement id.</summary>
    [BindProperty]
    public Dictionary<int, RowForm> Rows { get; set; } = [];

    public GridModule Module { get; private set; } = null!;
    public IReadOnlyList<Evidence> StructureEvidence { get; private set; } = [];
    public bool CanEdit => EditableModules.Contains(Module.Module.Id);
    public int? SavedEngagement => TempData.Peek("SavedEngagement") as int?;

    /// <summary>The engagement whose form came back with errors: its block shows the error summary.</summary>
    public GridEngagement? PostedEngagement => HttpMethods.IsPost(Request.Method) && !ModelState.IsValid ? EngagementOfPostedRows() : null;

    public static string FieldId(int requirementId, string field) =>
        Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId($"Rows[{requirementId}].{field}", "-");

    public async Task<IActionResult> OnGetAsync(int year, int number) => await LoadAsync(year, number) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int year, int number)
    {
        if (!await LoadAsync(year, number))
        {
            return NotFound();
        }
        var (ok, saved, _) = await SaveRowsAsync(gapToAction: null);
        if (!ok)
        {
            return await ReloadAsync(year, number);
        }
        var engagement = EngagementOfPostedRows();
        TempData["SavedEngagement"] = engagement?.Engagement.Number;
        TempData["SavedMessage"] = saved == 0
            ? "Aucune modification : rien à enregistrer."
            : $"Engagement {engagement?.Engagement.Number} enregistré : {Fr.Count(saved, "sous-engagement mis à jour", "sous-engagements mis à jour")} par {User.DisplayName()}.";
        return Redirect(CampaignPage(ModulePage, new { number }, engagement?.Anchor));
    }

    /// <summary>Saves the engagement's form and turns the chosen gap into an improvement action, both or neither.</summary>
    public async Task<IActionResult> OnPostActionAsync(int year, int number, int requirementId)
    {
        if (!await LoadAsync(year, number))
        {
            return NotFound();
        }
        var (ok, _, action) = await SaveRowsAsync(gapToAction: requirementId);
        if (!ok || action is null)
        {
            return await ReloadAsync(year, number);
        }
        var row = Grid.Rows.First(r => r.Requirement.Id == requirementId);
        TempData["SavedEngagement"] = row.Engagement.Number;
        TempData["SavedMessage"] = $"Action « {action.Title} » ajoutée au plan d'action{(action.ServiceId is null ? "" : " du service")}, liée à l'écart {row.Code}.";
        return Redirect(CampaignPage(ModulePage, new { number }, row.Anchor));
    }

    private async Task<bool> LoadAsync(int year, int number)
    {
        if (!await LoadCampaignAsync(year) || Grid.Module(number) is not { } module)
        {
            return false;
        }
        Module = module;
        StructureEvidence = await Query.EvidenceOfAsync(Structure.Id);
        return true;
    }

    private async Task<IActionResult> ReloadAsync(int year, int number)
    {
        await LoadAsync(year, number);
        return Page();
    }

    private GridEngagement? EngagementOfPostedRows() =>
        Grid.Engagements.FirstOrDefault(e => e.Rows.Any(r => Rows.ContainsKey(r.Requirement.Id)));

    private static string FieldKey(int requirementId, string field) => $"Rows[{requirementId}].{field}";

    /// <summary>Saves the posted rows, and the gap to turn into an action if any, all or nothing (the editor's one transaction):
    /// files uploaded with them become evidence only if every row is accepted.</summary>
    private async Task<(bool Ok, int Saved, ImprovementAction? Action)> SaveRowsAsync(int? gapToAction)
    {
        if (Campaign.IsClosed)
        {
            ModelState.AddModelError("", $"La campagne {Campaign.Year} est clôturée : elle ne se modifie plus.");
            return (false, 0, null);
        }
        if (!ModelState.IsValid)
        {
            return (false, 0, null);
        }
        if (Rows.Count == 0)
        {
            ModelState.AddModelError("", "Le formulaire ne contient aucun sous-engagement : rechargez la page.");
            return (false, 0, null);
        }
        var uploads = new List<RowUpload>();
        foreach (var id in Rows.Keys)
        {
            if (Request.Form.Files.GetFile(FieldKey(id, "File")) is { } file && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName)))
            {
                if (files.Check(file.FileName, file.Length) is { } reason)
                {
                    ModelState.AddModelError(FieldKey(id, "File"), $"« {Path.GetFileName(file.FileName)} » : {reason}");
                }
                uploads.Add(new RowUpload(id, UploadedFile.From(file)!));
            }
        }
        if (!ModelState.IsValid)
        {
            return (false, 0, null);
        }

        var inputs = Rows.Select(pair => new AssessmentInput
        {
            RequirementId = pair.Key,
            Status = pair.Value.Status,
            Comment = pair.Value.Comment,
            Version = pair.Value.Version,
            EvidenceIds = pair.Value.AddEvidenceId is { } picked ? [.. pair.Value.EvidenceIds, picked] : [.. pair.Value.EvidenceIds],
        }).ToList();
        var result = await editor.SaveFormAsync(Grid, Structure, Scope, Actor.Of(User), inputs, uploads, gapToAction, HttpContext.RequestAborted);
        foreach (var error in result.Errors)
        {
            var field = error.Field switch { "comment" => "Comment", "evidenceIds" or "file" => "File", _ => "Status" };
            ModelState.AddModelError(error.RequirementId == 0 ? "" : FieldKey(error.RequirementId, field), error.Message);
        }
        return (result.Errors.Count == 0, result.Saved, result.Action);
    }

    /// <summary>What a row shows: what the user posted when the form comes back with errors, else what is stored.</summary>
    public RowForm ValuesOf(GridRow row) =>
        Rows.TryGetValue(row.Requirement.Id, out var posted) && !ModelState.IsValid
            ? posted
            : new RowForm
            {
                Status = row.Status,
                Comment = row.Assessment.Comment,
                Version = row.Assessment.Version,
                EvidenceIds = row.Evidence.Select(e => e.Id).ToList(),
            };

    public IReadOnlyList<string> ErrorsOf(int requirementId, string field) =>
        ModelState.TryGetValue(FieldKey(requirementId, field), out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
}
