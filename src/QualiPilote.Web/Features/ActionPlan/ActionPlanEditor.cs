using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

public enum ActionUpdateOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
}

/// <summary>What an update did. On a conflict, <see cref="Action"/> is the version stored by the other person.</summary>
public sealed record ActionUpdateResult(ActionUpdateOutcome Outcome, ImprovementAction? Action, List<FieldError> Errors);

/// <summary>An engagement an action may serve, with what the form needs to group it.</summary>
public sealed record EngagementOption(int Id, string Referential, int ModuleNumber, string ModuleTitle, int Number, string Text)
{
    public string Label => $"{Number}. {Text}";
}

/// <summary>Creates and updates improvement actions. A relay referent creates and edits the actions of their own
/// service only; an action without a service belongs to the quality referent.</summary>
public sealed class ActionPlanEditor(AppDbContext db, TimeProvider clock, IEnumerable<IActionModuleScope> moduleScopes)
{
    public static bool CanEdit(Structure structure, UserScope scope, ImprovementAction action) =>
        action.ServiceId is { } serviceId ? scope.CanEditService(structure, serviceId) : scope.LevelFor(structure) >= AccessLevel.Manage;

    public Task<(ImprovementAction? Action, List<FieldError> Errors)> CreateAsync(Structure structure, UserScope scope, ActionInput input, CancellationToken cancellationToken = default) =>
        CreateAsync(structure, scope, input, null, cancellationToken);

    /// <summary>Creates an action; <paramref name="origin"/> is the record it is raised from, which the caller links back to
    /// the action in the same transaction (docs/adr/0039).</summary>
    public async Task<(ImprovementAction? Action, List<FieldError> Errors)> CreateAsync(Structure structure, UserScope scope, ActionInput input, OriginRef? origin,
        CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        var service = await CheckFieldsAsync(structure, scope, input, [], errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var action = new ImprovementAction
        {
            StructureId = structure.Id,
            OriginKind = origin?.Kind,
            OriginId = origin?.Id,
            Status = ActionStatus.ToStart,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Apply(action, input, service, structure.Id);
        db.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return (action, errors);
    }

    /// <summary>Saves a change if nobody else saved one since <see cref="ActionUpdateInput.Version"/> was read;
    /// otherwise returns <see cref="ActionUpdateOutcome.Conflict"/> with the stored version and saves nothing.</summary>
    public async Task<ActionUpdateResult> UpdateAsync(Structure structure, UserScope scope, int actionId, ActionUpdateInput input, string editorName, CancellationToken cancellationToken = default)
    {
        var action = await db.Set<ImprovementAction>().Include(a => a.Engagements).Include(a => a.Service)
            .FirstOrDefaultAsync(a => a.Id == actionId && a.StructureId == structure.Id, cancellationToken);
        if (action is null)
        {
            return new(ActionUpdateOutcome.NotFound, null, []);
        }
        if (!CanEdit(structure, scope, action))
        {
            return new(ActionUpdateOutcome.Forbidden, action, [new FieldError(null, "serviceCode", "cette action relève d'un autre service : seul son référent-relais ou le référent qualité la modifie.")]);
        }
        var errors = InputValidation.Validate(input);
        var service = await CheckFieldsAsync(structure, scope, input, action.Engagements.Select(e => e.EngagementId), errors, cancellationToken);
        var today = clock.Today();
        if (input.Status == ActionStatus.Abandoned && string.IsNullOrWhiteSpace(input.StatusReason))
        {
            errors.Add(new FieldError(null, "statusReason", "le motif d'abandon est obligatoire."));
        }
        if (input.Status == ActionStatus.ToStart && input.Progress > 0)
        {
            errors.Add(new FieldError(null, "progress", $"une action « à lancer » n'a pas encore avancé : passez son statut à « en cours » pour noter {input.Progress} %."));
        }
        if (input.Status == ActionStatus.Done && input.CompletedOn > today)
        {
            errors.Add(new FieldError(null, "completedOn", "la date de réalisation ne peut pas être dans le futur."));
        }
        if (input.Status != ActionStatus.Done && (input.Efficacy is not null || !string.IsNullOrWhiteSpace(input.EfficacyNote)))
        {
            errors.Add(new FieldError(null, "efficacy", "l'efficacité se vérifie une fois l'action réalisée : passez d'abord son statut à « réalisée »."));
        }
        if (errors.Count > 0)
        {
            return new(ActionUpdateOutcome.Invalid, action, errors);
        }
        if (action.Version != input.Version)
        {
            return new(ActionUpdateOutcome.Conflict, action, []);
        }

        Apply(action, input, service, structure.Id);
        var status = input.Status!.Value;
        action.Status = status;
        action.StatusReason = Clean(input.StatusReason);
        action.Progress = status == ActionStatus.Done ? 100 : input.Progress ?? action.Progress;
        action.CompletedOn = status == ActionStatus.Done ? input.CompletedOn ?? action.CompletedOn ?? today : null;
        var note = status == ActionStatus.Done ? Clean(input.EfficacyNote) : null;
        var efficacy = status == ActionStatus.Done ? input.Efficacy : null;
        if (efficacy != action.Efficacy || note != action.EfficacyNote)
        {
            action.EfficacyCheckedOn = efficacy is null && note is null ? null : today;
        }
        action.Efficacy = efficacy;
        action.EfficacyNote = note;
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        action.UpdatedBy = editorName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: report their version, keep nothing of ours.
            db.ChangeTracker.Clear();
            var stored = await db.Set<ImprovementAction>().AsNoTracking().Include(a => a.Engagements).Include(a => a.Service)
                .FirstAsync(a => a.Id == actionId, cancellationToken);
            return new(ActionUpdateOutcome.Conflict, stored, []);
        }
        return new(ActionUpdateOutcome.Saved, action, []);
    }

    /// <summary>The engagements an action of this structure may serve: those of the modules of its perimeters and of the
    /// modules other features add (<see cref="IActionModuleScope"/>: the modules its audits covered).</summary>
    public async Task<List<EngagementOption>> EngagementOptionsAsync(int structureId, IEnumerable<int>? alsoInclude = null, CancellationToken cancellationToken = default)
    {
        var extra = alsoInclude?.ToList() ?? [];
        var moduleIds = db.PerimeterModules.Where(m => m.StructureId == structureId).Select(m => m.ModuleId);
        foreach (var scope in moduleScopes)
        {
            moduleIds = moduleIds.Union(scope.ModuleIds(structureId));
        }
        var options = await db.Engagements.AsNoTracking()
            .Where(e => moduleIds.Contains(e.ModuleId) || extra.Contains(e.Id))
            .Select(e => new EngagementOption(e.Id, e.Referential.Name + " " + e.Referential.Version, e.Module.Number, e.Module.Title, e.Number, e.Text))
            .ToListAsync(cancellationToken);
        return options.OrderBy(o => o.Referential, StringComparer.Ordinal).ThenBy(o => o.Number).ToList();
    }

    public static ActionUpdateInput ToUpdateInput(ImprovementAction action) => new()
    {
        Title = action.Title,
        Description = action.Description,
        Origin = action.Origin,
        OriginDetail = action.OriginDetail,
        EngagementIds = action.Engagements.Select(e => e.EngagementId).Order().ToList(),
        ServiceCode = action.Service?.Code,
        OwnerName = action.OwnerName,
        StartDate = action.StartDate,
        DueDate = action.DueDate,
        Status = action.Status,
        StatusReason = action.StatusReason,
        Progress = action.Progress,
        CompletedOn = action.CompletedOn,
        Efficacy = action.Efficacy,
        EfficacyNote = action.EfficacyNote,
        Version = action.Version,
    };

    /// <summary>Checks the service (it must be the structure's, and the relay referent's own) and the engagements;
    /// returns the chosen service.</summary>
    private async Task<Service?> CheckFieldsAsync(Structure structure, UserScope scope, ActionFields input, IEnumerable<int> alreadyLinked,
        List<FieldError> errors, CancellationToken cancellationToken)
    {
        Service? service = null;
        if (!string.IsNullOrEmpty(input.ServiceCode))
        {
            service = await db.Services.FirstOrDefaultAsync(s => s.StructureId == structure.Id && s.Code == input.ServiceCode, cancellationToken);
            if (service is null)
            {
                errors.Add(new FieldError(null, "serviceCode", $"le service « {input.ServiceCode} » n'appartient pas à cette structure."));
            }
        }
        if (scope.LevelFor(structure) < AccessLevel.Manage && (service is null || !scope.CanEditService(structure, service.Id)))
        {
            errors.Add(new FieldError(null, "serviceCode", "un référent-relais pilote les actions de son propre service : choisissez-le."));
        }
        if (input.StartDate is { } start && input.DueDate is { } due && due < start)
        {
            errors.Add(new FieldError(null, "dueDate", "l'échéance précède la date de début."));
        }
        var wanted = input.EngagementIds.Distinct().ToList();
        if (wanted.Count > 0)
        {
            var allowed = (await EngagementOptionsAsync(structure.Id, alreadyLinked, cancellationToken)).Select(o => o.Id).ToHashSet();
            var unknown = wanted.Where(id => !allowed.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new FieldError(null, "engagementIds",
                    $"{Fr.Word(unknown.Count, "engagement")} {string.Join(", ", unknown)} hors du périmètre et des audits de cette structure."));
            }
        }
        return service;
    }

    private static void Apply(ImprovementAction action, ActionFields input, Service? service, int structureId)
    {
        action.Title = input.Title!.Trim();
        action.Description = Clean(input.Description);
        action.Origin = input.Origin!.Value;
        action.OriginDetail = Clean(input.OriginDetail);
        action.ServiceId = service?.Id;
        action.Service = service;
        action.OwnerName = Clean(input.OwnerName);
        action.StartDate = input.StartDate;
        action.DueDate = input.DueDate;
        var wanted = input.EngagementIds.Distinct().ToHashSet();
        action.Engagements.RemoveAll(e => !wanted.Contains(e.EngagementId));
        action.Engagements.AddRange(wanted.Where(id => action.Engagements.All(e => e.EngagementId != id))
            .Select(id => new ActionEngagement { EngagementId = id, StructureId = structureId }));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
