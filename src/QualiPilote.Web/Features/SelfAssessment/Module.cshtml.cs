using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Assessing one module: one form per engagement (it works without JavaScript and saves a screenful at a time),
/// each row with its status, comment, evidence (linked, picked from the structure's evidence, or a file uploaded on the spot)
/// and, for a gap, the one-click improvement action. Relay referents get the forms of the modules their service deploys only;
/// the server refuses the others whatever is posted.</summary>
[Authorize(Policy = Policies.StructureServiceEdit)]
public class ModuleModel(StructureAccess access, CampaignQuery query, CampaignEditor editor, EvidenceEditor evidenceEditor, IFileStore files, AppDbContext db)
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
        var (ok, saved) = await SaveRowsAsync();
        if (!ok)
        {
            return await ReloadAsync(year, number);
        }
        var engagement = EngagementOfPostedRows();
        TempData["SavedEngagement"] = engagement?.Engagement.Number;
        TempData["SavedMessage"] = saved == 0
            ? "Aucune modification : rien à enregistrer."
            : $"Engagement {engagement?.Engagement.Number} enregistré : {Fr.Count(saved, "sous-engagement mis à jour", "sous-engagements mis à jour")} par {User.DisplayName()}.";
        return Redirect($"{CampaignPath}/modules/{number}#{engagement?.Anchor}");
    }

    /// <summary>Saves the engagement's form, then turns the chosen gap into an improvement action.</summary>
    public async Task<IActionResult> OnPostActionAsync(int year, int number, int requirementId)
    {
        if (!await LoadAsync(year, number))
        {
            return NotFound();
        }
        var (ok, _) = await SaveRowsAsync();
        if (!ok)
        {
            return await ReloadAsync(year, number);
        }
        var (action, errors) = await editor.CreateActionAsync(Campaign, Structure, Scope, requirementId);
        if (action is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(FieldKey(requirementId, "Status"), error.Message);
            }
            return await ReloadAsync(year, number);
        }
        var row = Grid.Rows.First(r => r.Requirement.Id == requirementId);
        TempData["SavedEngagement"] = row.Engagement.Number;
        TempData["SavedMessage"] = $"Action « {action.Title} » ajoutée au plan d'action{(action.ServiceId is null ? "" : " du service")}, liée à l'écart {row.Code}.";
        return Redirect($"{CampaignPath}/modules/{number}#{row.Anchor}");
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

    /// <summary>Saves the posted rows, all or nothing: files uploaded with them become evidence only if every row is accepted.</summary>
    private async Task<(bool Ok, int Saved)> SaveRowsAsync()
    {
        if (Campaign.IsClosed)
        {
            ModelState.AddModelError("", $"La campagne {Campaign.Year} est clôturée : elle ne se modifie plus.");
            return (false, 0);
        }
        if (!ModelState.IsValid)
        {
            return (false, 0);
        }
        if (Rows.Count == 0)
        {
            ModelState.AddModelError("", "Le formulaire ne contient aucun sous-engagement : rechargez la page.");
            return (false, 0);
        }
        var uploads = new Dictionary<int, IFormFile>();
        foreach (var id in Rows.Keys)
        {
            if (Request.Form.Files.GetFile(FieldKey(id, "File")) is { } file && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName)))
            {
                if (files.Check(file.FileName, file.Length) is { } reason)
                {
                    ModelState.AddModelError(FieldKey(id, "File"), $"« {Path.GetFileName(file.FileName)} » : {reason}");
                }
                uploads[id] = file;
            }
        }
        if (!ModelState.IsValid)
        {
            return (false, 0);
        }

        var actor = Actor.Of(User);
        var storedKeys = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var inputs = new List<AssessmentInput>();
        foreach (var (id, row) in Rows)
        {
            var evidenceIds = row.EvidenceIds.ToList();
            if (row.AddEvidenceId is { } picked)
            {
                evidenceIds.Add(picked);
            }
            if (uploads.TryGetValue(id, out var file))
            {
                var (evidence, errors) = await evidenceEditor.AddAsync(Structure, actor, new EvidenceInput { Kind = EvidenceKind.File }, UploadedFile.From(file));
                if (evidence is null)
                {
                    ModelState.AddErrors(errors.Select(e => e with { Field = "File" }), prefix: $"Rows[{id}]");
                    continue;
                }
                storedKeys.Add(evidence.FileKey!);
                evidenceIds.Add(evidence.Id);
            }
            inputs.Add(new AssessmentInput { RequirementId = id, Status = row.Status, Comment = row.Comment, Version = row.Version, EvidenceIds = evidenceIds });
        }
        var (rowErrors, saved) = ModelState.IsValid ? await editor.SaveAsync(Grid, Structure, Scope, actor, inputs) : ([], 0);
        foreach (var error in rowErrors)
        {
            var field = error.Field switch { "comment" => "Comment", "evidenceIds" => "File", _ => "Status" };
            ModelState.AddModelError(error.RequirementId == 0 ? "" : FieldKey(error.RequirementId, field), error.Message);
        }
        if (!ModelState.IsValid)
        {
            await transaction.RollbackAsync();
            storedKeys.ForEach(files.Delete);
            return (false, 0);
        }
        await transaction.CommitAsync();
        return (true, saved);
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
