using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Creates improvement actions. A relay referent creates them for their own service only.</summary>
public sealed class ActionPlanEditor(AppDbContext db, TimeProvider clock)
{
    public async Task<(ImprovementAction? Action, List<FieldError> Errors)> CreateAsync(Structure structure, UserScope scope, ActionInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
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
            errors.Add(new FieldError(null, "serviceCode", "un référent-relais crée des actions pour son propre service : choisissez-le."));
        }
        if (input.StartDate is { } start && input.DueDate is { } due && due < start)
        {
            errors.Add(new FieldError(null, "dueDate", "l'échéance précède la date de début."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var action = new ImprovementAction
        {
            StructureId = structure.Id,
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim(),
            Origin = input.Origin!.Value,
            OriginDetail = input.OriginDetail?.Trim(),
            ServiceId = service?.Id,
            OwnerName = input.OwnerName?.Trim(),
            StartDate = input.StartDate,
            DueDate = input.DueDate,
            Status = ActionStatus.ToStart,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return (action, errors);
    }
}
