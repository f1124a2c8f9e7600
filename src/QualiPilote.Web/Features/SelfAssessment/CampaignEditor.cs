using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Starts, fills and closes self-assessment campaigns, with the rules the pages and the API share:
/// a closed campaign is read-only; a relay referent assesses only the modules their service deploys;
/// "non applicable" needs a justification; an answer saved by someone else in between is never overwritten.</summary>
public sealed class CampaignEditor(AppDbContext db, CampaignQuery query, ActionPlanEditor actions, EvidenceEditor evidenceEditor, IFileStore files,
    TimeProvider clock)
{
    public const string ClosedMessage = "cette campagne est clôturée : elle ne se modifie plus.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(SelfAssessmentCampaign? Campaign, List<FieldError> Errors)> StartAsync(Structure structure, Actor actor, CampaignStartInput input,
        CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var year = input.Year!.Value;
        var latestYear = clock.GetUtcNow().Year + 1;
        if (year > latestYear)
        {
            return (null, [new FieldError(null, "year", $"une campagne se lance au plus tard pour {latestYear}.")]);
        }
        var perimeter = await db.Perimeters.AsNoTracking().Include(p => p.Referential).Include(p => p.Modules)
            .FirstOrDefaultAsync(p => p.StructureId == structure.Id && p.ReferentialId == input.ReferentialId, cancellationToken);
        if (perimeter is null)
        {
            return (null, [new FieldError(null, "referentialId", "la structure n'a pas de périmètre de labellisation pour ce référentiel : définissez-le d'abord.")]);
        }
        if (await db.Set<SelfAssessmentCampaign>().AnyAsync(c => c.StructureId == structure.Id && c.Year == year, cancellationToken))
        {
            return (null, [new FieldError(null, "year", $"la campagne {year} existe déjà.")]);
        }

        var moduleIds = perimeter.Modules.Select(m => m.ModuleId).ToList();
        var requirements = await db.Requirements.AsNoTracking()
            .Where(r => moduleIds.Contains(r.Engagement.ModuleId))
            .Select(r => new { r.Id, Engagement = r.Engagement.Number, r.Number })
            .ToListAsync(cancellationToken);
        var campaign = new SelfAssessmentCampaign
        {
            StructureId = structure.Id,
            Year = year,
            ReferentialId = perimeter.ReferentialId,
            StartedAt = Now,
            StartedByName = actor.Name,
            Assessments = requirements.Select(r => new RequirementAssessment { StructureId = structure.Id, RequirementId = r.Id }).ToList(),
        };

        var previous = input.CopyPrevious ? await query.FindPreviousAsync(campaign, cancellationToken) : null;
        if (previous is not null && previous.Referential.Code == perimeter.Referential.Code)
        {
            // Answers follow the requirement's number ("15.1"), so that they carry over to a new version of the same referential.
            var answers = await db.Set<RequirementAssessment>().AsNoTracking()
                .Where(a => a.CampaignId == previous.Id && a.Status != null)
                .Select(a => new { Engagement = a.Requirement.Engagement.Number, a.Requirement.Number, a.Status, a.Comment, a.ActionId, Evidence = a.Evidence.Select(l => l.EvidenceId).ToList() })
                .ToListAsync(cancellationToken);
            var byCode = answers.ToDictionary(a => (a.Engagement, a.Number));
            var ids = requirements.ToDictionary(r => r.Id, r => (r.Engagement, r.Number));
            foreach (var row in campaign.Assessments)
            {
                if (!byCode.TryGetValue(ids[row.RequirementId], out var answer))
                {
                    continue;
                }
                row.Status = answer.Status;
                row.Comment = answer.Comment;
                row.ActionId = answer.ActionId;
                row.CarriedOver = true;
                row.Evidence = answer.Evidence.Select(id => new AssessmentEvidence { EvidenceId = id, StructureId = structure.Id }).ToList();
            }
            campaign.CopiedFromYear = previous.Year;
        }
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return (campaign, []);
    }

    /// <summary>Saves answers of one campaign, all or nothing, checked against the grid the caller has just loaded (a row
    /// saved since then is caught by its version). Who assessed and when is updated on the rows that changed, and on
    /// answers carried over from last year that the user now confirms by saving them.</summary>
    public async Task<(List<RowError> Errors, int Saved)> SaveAsync(CampaignGrid grid, Structure structure, UserScope scope, Actor actor,
        IReadOnlyList<AssessmentInput> inputs, CancellationToken cancellationToken = default)
    {
        var campaign = grid.Campaign;
        if (campaign.IsClosed)
        {
            return ([new RowError(0, "", ClosedMessage)], 0);
        }
        var editable = CampaignQuery.EditableModuleIds(grid, structure, scope);
        var rowsByRequirement = grid.Rows.ToDictionary(r => r.Requirement.Id);
        var evidenceIds = inputs.Any(i => i.EvidenceIds is { Count: > 0 })
            ? (await db.Set<Evidence>().Where(e => e.StructureId == structure.Id).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet()
            : [];

        var errors = new List<RowError>();
        foreach (var input in inputs)
        {
            if (!rowsByRequirement.TryGetValue(input.RequirementId, out var row))
            {
                errors.Add(new RowError(input.RequirementId, "requirement", "ce sous-engagement ne fait pas partie du périmètre de la campagne."));
                continue;
            }
            var code = row.Code;
            if (!editable.Contains(row.Engagement.ModuleId))
            {
                var module = grid.Modules.First(m => m.Module.Id == row.Engagement.ModuleId);
                errors.Add(new RowError(input.RequirementId, "requirement",
                    $"{code} : le module {module.Module.Number} est évalué par les services qui le déploient ({module.ServiceCodes}) ou par le référent qualité."));
                continue;
            }
            errors.AddRange(InputValidation.Validate(input).Select(e => new RowError(input.RequirementId, e.Field, $"{code} : {e.Message}")));
            if (input.Status is null && row.Status is not null)
            {
                errors.Add(new RowError(input.RequirementId, "status", $"{code} : choisissez un statut."));
            }
            if (input.Status == AssessmentStatus.NotApplicable && string.IsNullOrWhiteSpace(input.Comment))
            {
                errors.Add(new RowError(input.RequirementId, "comment", $"{code} : « non applicable » doit être justifié dans le commentaire."));
            }
            if (input.Version is { } version && version != row.Assessment.Version)
            {
                errors.Add(new RowError(input.RequirementId, "version",
                    $"{code} : {row.Assessment.AssessedByName ?? "quelqu'un"} l'a enregistré entre-temps{(row.Assessment.AssessedAt is { } at ? $" ({Fr.DateTime(at)})" : "")} ; rechargez la page pour voir sa réponse avant de la modifier."));
            }
            foreach (var id in input.EvidenceIds ?? [])
            {
                if (!evidenceIds.Contains(id))
                {
                    errors.Add(new RowError(input.RequirementId, "evidenceIds", $"{code} : la preuve n° {id} n'appartient pas à cette structure."));
                }
            }
        }
        if (errors.Count > 0)
        {
            return (errors, 0);
        }

        var ids = inputs.Select(i => i.RequirementId).ToList();
        var tracked = await db.Set<RequirementAssessment>().Include(a => a.Evidence)
            .Where(a => a.CampaignId == campaign.Id && ids.Contains(a.RequirementId))
            .ToDictionaryAsync(a => a.RequirementId, cancellationToken);
        var saved = 0;
        foreach (var input in inputs)
        {
            var row = tracked[input.RequirementId];
            var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            var wantedEvidence = input.EvidenceIds?.Distinct().ToHashSet() ?? row.Evidence.Select(l => l.EvidenceId).ToHashSet();
            var changed = row.Status != input.Status || row.Comment != comment || !wantedEvidence.SetEquals(row.Evidence.Select(l => l.EvidenceId));
            var confirms = row.CarriedOver && input.Status is not null;
            if (!changed && !confirms)
            {
                continue;
            }
            row.Status = input.Status;
            row.Comment = comment;
            row.Evidence.RemoveAll(l => !wantedEvidence.Contains(l.EvidenceId));
            row.Evidence.AddRange(wantedEvidence.Where(id => row.Evidence.All(l => l.EvidenceId != id))
                .Select(id => new AssessmentEvidence { EvidenceId = id, StructureId = structure.Id }));
            if (row.Status is not null)
            {
                row.AssessedById = actor.Id;
                row.AssessedByName = actor.Name;
                row.AssessedAt = Now;
                row.CarriedOver = false;
            }
            row.Version++;
            saved++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ([new RowError(0, "version", "un autre utilisateur vient d'enregistrer ces sous-engagements : rechargez la page pour voir ses réponses.")], 0);
        }
        return ([], saved);
    }

    /// <summary>The quality referent's closing: every requirement of the perimeter has a status. Rows of modules
    /// that left the perimeter during the campaign are dropped, so the closed grid is exactly what was assessed.</summary>
    public async Task<List<FieldError>> CloseAsync(CampaignGrid grid, Actor actor, string? note, CancellationToken cancellationToken = default)
    {
        var campaign = grid.Campaign;
        if (campaign.IsClosed)
        {
            return [new FieldError(null, "campaign", ClosedMessage)];
        }
        if (note?.Length > 2000)
        {
            return [new FieldError(null, "closingNote", "2000 caractères au plus.")];
        }
        var unassessed = grid.Rows.Where(r => r.Status is null).Select(r => r.Code).ToList();
        if (unassessed.Count > 0)
        {
            return [new FieldError(null, "campaign", $"{Fr.Count(unassessed.Count, "sous-engagement")} sans statut : {string.Join(", ", unassessed.Take(15))}{(unassessed.Count > 15 ? "…" : "")}. Faites-les évaluer avant de clôturer.")];
        }
        var kept = grid.Rows.Select(r => r.Assessment.Id).ToList();
        var tracked = await db.Set<SelfAssessmentCampaign>().FirstAsync(c => c.Id == campaign.Id, cancellationToken);
        db.RemoveRange(await db.Set<RequirementAssessment>().Where(a => a.CampaignId == campaign.Id && !kept.Contains(a.Id)).ToListAsync(cancellationToken));
        tracked.ClosedAt = Now;
        tracked.ClosedByName = actor.Name;
        tracked.ClosingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        try
        {
            await db.SaveIfCurrentAsync(tracked, campaign.Version, cancellationToken);
        }
        catch (StaleVersionException stale)
        {
            return [new FieldError(null, "campaign", stale.PageMessage("cette campagne"))];
        }
        return [];
    }

    /// <summary>Reopens a closed campaign (quality referent): it becomes editable again and follows the perimeter; the closing
    /// it undoes (date, author, note) stays in the audit trail, which records the change with its author.</summary>
    public async Task<List<FieldError>> ReopenAsync(SelfAssessmentCampaign campaign, CancellationToken cancellationToken = default)
    {
        var tracked = await db.Set<SelfAssessmentCampaign>().FirstAsync(c => c.Id == campaign.Id, cancellationToken);
        if (!tracked.IsClosed)
        {
            return [new FieldError(null, "campaign", $"la campagne {campaign.Year} est déjà ouverte.")];
        }
        tracked.ClosedAt = null;
        tracked.ClosedByName = null;
        tracked.ClosingNote = null;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Saves one form of the grid as one unit of work (docs/adr/0039): the files uploaded with its rows become evidence
    /// linked to them, the rows are saved, and <paramref name="gapToAction"/>, when given, then becomes an improvement action.
    /// Any refusal undoes all of it, files stored on the way included. Checked against the grid the caller has just loaded.</summary>
    public async Task<FormSaveResult> SaveFormAsync(CampaignGrid grid, Structure structure, UserScope scope, Actor actor, IReadOnlyList<AssessmentInput> inputs,
        IReadOnlyList<RowUpload> uploads, int? gapToAction, CancellationToken cancellationToken = default)
    {
        var storedKeys = new List<string>();
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var errors = new List<RowError>();
        foreach (var upload in uploads)
        {
            var (evidence, addErrors) = await evidenceEditor.AddAsync(structure, actor, new EvidenceInput { Kind = EvidenceKind.File }, upload.File, cancellationToken);
            if (evidence is null)
            {
                errors.AddRange(addErrors.Select(e => new RowError(upload.RequirementId, "file", e.Message)));
                continue;
            }
            storedKeys.Add(evidence.FileKey!);
            var input = inputs.First(i => i.RequirementId == upload.RequirementId);
            input.EvidenceIds = [.. input.EvidenceIds ?? [], evidence.Id];
        }
        var saved = 0;
        if (errors.Count == 0)
        {
            (errors, saved) = await SaveAsync(grid, structure, scope, actor, inputs, cancellationToken);
        }
        ImprovementAction? action = null;
        if (errors.Count == 0 && gapToAction is { } requirementId)
        {
            (action, var actionErrors) = await AddActionAsync(grid, structure, scope, requirementId, cancellationToken);
            errors.AddRange(actionErrors.Select(e => new RowError(requirementId, e.Field ?? "action", e.Message)));
        }
        if (errors.Count > 0)
        {
            // Disposing the transaction uncommitted rolls the rows and the evidence back; the files are not in it.
            storedKeys.ForEach(files.Delete);
            return new FormSaveResult(errors, 0, null);
        }
        await transaction.CommitAsync(cancellationToken);
        return new FormSaveResult([], saved, action);
    }

    /// <summary>Adds a piece of evidence and links it to rows of an open campaign as one unit of work: if a row refuses it,
    /// the evidence is not kept either (nor its file).</summary>
    public async Task<EvidenceAddResult> AddEvidenceAsync(CampaignGrid? grid, Structure structure, UserScope scope, Actor actor, EvidenceInput input, UploadedFile? file,
        IReadOnlyList<int> requirementIds, CancellationToken cancellationToken = default)
    {
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var (evidence, errors) = await evidenceEditor.AddAsync(structure, actor, input, file, cancellationToken);
        if (evidence is null)
        {
            return new EvidenceAddResult(null, errors, []);
        }
        List<RowError> rowErrors = [];
        if (requirementIds.Count > 0 && grid is null)
        {
            rowErrors = [new RowError(0, "campaign", "Aucune campagne ouverte à laquelle lier cette preuve.")];
        }
        else if (requirementIds.Count > 0)
        {
            var rows = grid!.Rows.Where(r => requirementIds.Contains(r.Requirement.Id)).ToList();
            var inputs = requirementIds.Select(id => rows.FirstOrDefault(r => r.Requirement.Id == id) is { } row
                ? new AssessmentInput
                {
                    RequirementId = id,
                    Status = row.Status,
                    Comment = row.Assessment.Comment,
                    Version = row.Assessment.Version,
                    EvidenceIds = row.Evidence.Select(e => e.Id).Append(evidence.Id).ToList(),
                }
                : new AssessmentInput { RequirementId = id }).ToList();
            (rowErrors, _) = await SaveAsync(grid, structure, scope, actor, inputs, cancellationToken);
        }
        if (rowErrors.Count > 0)
        {
            if (evidence.FileKey is not null)
            {
                files.Delete(evidence.FileKey);
            }
            return new EvidenceAddResult(null, [], rowErrors);
        }
        await transaction.CommitAsync(cancellationToken);
        return new EvidenceAddResult(evidence, [], []);
    }

    /// <summary>Turns a gap (non engagé, en cours) into an improvement action in one step and one transaction: the action is
    /// pre-filled from the requirement and points back to the assessment by its kind and id; the assessment keeps the action's id.</summary>
    public async Task<(ImprovementAction? Action, List<FieldError> Errors)> CreateActionAsync(CampaignGrid grid, Structure structure, UserScope scope,
        int requirementId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var (action, errors) = await AddActionAsync(grid, structure, scope, requirementId, cancellationToken);
        if (action is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return (action, errors);
    }

    /// <summary>The gap's action, inside the caller's transaction. The grid gives the row's place (module, services, requirement);
    /// its state (status, comment, action) is read from the stored row, which the same unit of work may have just saved.</summary>
    private async Task<(ImprovementAction? Action, List<FieldError> Errors)> AddActionAsync(CampaignGrid grid, Structure structure, UserScope scope,
        int requirementId, CancellationToken cancellationToken)
    {
        var campaign = grid.Campaign;
        if (campaign.IsClosed)
        {
            return (null, [new FieldError(null, "campaign", ClosedMessage)]);
        }
        var row = grid.Rows.FirstOrDefault(r => r.Requirement.Id == requirementId);
        if (row is null)
        {
            return (null, [new FieldError(null, "requirement", "ce sous-engagement ne fait pas partie du périmètre de la campagne.")]);
        }
        var module = grid.Modules.First(m => m.Module.Id == row.Engagement.ModuleId);
        if (!CampaignQuery.EditableModuleIds(grid, structure, scope).Contains(module.Module.Id))
        {
            return (null, [new FieldError(null, "requirement", $"{row.Code} : le module {module.Module.Number} relève des services {module.ServiceCodes}.")]);
        }
        var assessment = await db.Set<RequirementAssessment>().FirstAsync(a => a.Id == row.Assessment.Id, cancellationToken);
        if (!assessment.Status.IsGap())
        {
            return (null, [new FieldError(null, "status", $"{row.Code} : seul un écart (non engagé ou en cours) devient une action.")]);
        }
        if (assessment.ActionId is not null)
        {
            return (null, [new FieldError(null, "action", $"{row.Code} : cet écart a déjà son action{(row.Action is null ? "" : $" « {row.Action.Title} »")}.")]);
        }
        // A relay referent's action goes to their own service; a quality referent's to the module's service when there is only one.
        var service = module.Services.FirstOrDefault(s => scope.LevelFor(structure) < AccessLevel.Manage && scope.CanEditService(structure, s.Id))
            ?? (module.Services.Count == 1 ? module.Services[0] : null);
        var input = new ActionInput
        {
            Title = Fr.Shorten($"{row.Code} – {row.Requirement.Text}", 300),
            Description = Fr.Shorten($"Écart relevé à l'auto-diagnostic {campaign.Year} sur le sous-engagement {row.Code} de l'engagement {row.Engagement.Number} ({row.Engagement.Text}).{(assessment.Comment is null ? "" : $" Commentaire : {assessment.Comment}")}", 4000),
            Origin = ActionOrigin.SelfAssessment,
            OriginDetail = Fr.Shorten($"Auto-diagnostic {campaign.Year}, sous-engagement {row.Code} : {assessment.Status.Label()}", 1000),
            EngagementIds = [row.Engagement.Id],
            ServiceCode = service?.Code,
            StartDate = DateOnly.FromDateTime(Now),
        };
        var (action, errors) = await actions.CreateAsync(structure, scope, input, new OriginRef(OriginKind.Assessment, assessment.Id), cancellationToken);
        if (action is null)
        {
            return (null, errors);
        }
        assessment.ActionId = action.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the row since it was read: the caller's transaction undoes the action with it.
            return (null, [new FieldError(null, "version", $"{row.Code} : quelqu'un vient d'enregistrer ce sous-engagement ; rechargez la page avant d'en faire une action.")]);
        }
        return (action, []);
    }
}

/// <summary>A file uploaded with a row of the grid: it becomes evidence of the structure, linked to that row.</summary>
public sealed record RowUpload(int RequirementId, UploadedFile File);

/// <summary>What saving a form of the grid did: the refusals (then nothing was saved), the rows saved, the gap's new action.</summary>
public sealed record FormSaveResult(List<RowError> Errors, int Saved, ImprovementAction? Action);

/// <summary>What adding evidence did: the evidence kept, or why it was refused (its own fields, or the rows it was to support).</summary>
public sealed record EvidenceAddResult(Evidence? Evidence, List<FieldError> Errors, List<RowError> RowErrors);
