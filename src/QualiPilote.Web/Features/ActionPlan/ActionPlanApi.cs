using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

public static class ActionPlanApi
{
    /// <summary>The name of the endpoint that answers one action: the Location of a 201 points at it.</summary>
    public const string ActionRoute = "GetAction";

    public sealed record EngagementRefDto(int Id, string Referential, int Number);

    /// <param name="OriginKind">With <paramref name="OriginId"/>, the record the action was raised from (assessment, auditFinding, indicatorAlert).</param>
    /// <param name="OriginLink">The page of that record, built at answer time.</param>
    public sealed record ActionDto(int Id, string Title, string? Description, ActionOrigin Origin, string? OriginDetail, OriginKind? OriginKind, int? OriginId, string? OriginLink,
        IReadOnlyList<EngagementRefDto> Engagements, string? Service, string? Owner, DateOnly? StartDate, DateOnly? DueDate,
        ActionStatus Status, string? StatusReason, int Progress, DateOnly? CompletedOn, EfficacyResult? Efficacy, string? EfficacyNote,
        DateOnly? EfficacyCheckedOn, bool Overdue, bool DueSoon, int Version, DateTime? UpdatedAt, string? UpdatedBy, string Url);

    public static void MapActionPlanApi(this RouteGroupBuilder api)
    {
        var actions = api.MapStructureGroup("/actions").WithTags("Plan d'action");
        actions.MapGet("/", ListAsync).RequireAuthorization(Policies.StructureAuditRead)
            .WithSummary("Actions du plan d'action, avec les filtres de la page")
            .WithDescription("Filtres facultatifs : service (code), engagement (identifiant), origin (selfAssessment, auditFinding, indicatorAlert, feedback, survey, committee, other), status (open, toStart, inProgress, done, abandoned), deadline (overdue, dueSoon : échéance sous 30 jours).");
        actions.MapGet("/{actionId:int}", GetAsync).WithName(ActionRoute).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Une action");
        actions.MapPost("/", CreateAsync).RequireAuthorization(Policies.StructureServiceEdit)
            .WithSummary("Créer une action (un référent-relais, pour son service)");
        actions.MapPut("/{actionId:int}", UpdateAsync).RequireAuthorization(Policies.StructureServiceEdit)
            .WithSummary("Modifier une action")
            .WithDescription("Envoyez la « version » lue : si quelqu'un a enregistré entre-temps, rien n'est écrasé et la réponse est 409 avec la version enregistrée (current). Un référent-relais ne modifie que les actions de son service (403).");
    }

    private static async Task<Results<Ok<List<ActionDto>>, ProblemHttpResult>> ListAsync(string code, string? service, int? engagement, string? origin,
        string? status, string? deadline, CurrentStructure here, ActionPlanQuery query, ActionOriginLinks origins, LinkGenerator links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var errors = new List<FieldError>();
        var filter = new ActionFilter(ActionView.List, string.IsNullOrWhiteSpace(service) ? null : service, engagement,
            Parse<ActionOrigin>(origin, "origin", errors), Parse<ActionStatusFilter>(status, "status", errors), Parse<ActionDeadline>(deadline, "deadline", errors));
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var today = clock.Today();
        var list = await query.ListAsync(structure.Id, filter, cancellationToken);
        var originLinks = await origins.ForAsync(code, list, cancellationToken);
        return TypedResults.Ok(list.Select(a => ToDto(a, code, today, originLinks.GetValueOrDefault(a.Id), links)).ToList());
    }

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> GetAsync(string code, int actionId, CurrentStructure here, AppDbContext db, ActionOriginLinks origins, LinkGenerator links,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var action = await LoadAsync(db, structure.Id, actionId, cancellationToken);
        return action is null ? UnknownAction(actionId) : TypedResults.Ok(ToDto(action, code, clock.Today(), await origins.ForAsync(code, action, cancellationToken), links));
    }

    private static async Task<Results<Created<ActionDto>, ProblemHttpResult>> CreateAsync(string code, ActionInput input, HttpContext http, CurrentStructure here,
        ActionPlanEditor editor, AppDbContext db, ActionOriginLinks origins, LinkGenerator links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var (action, errors) = await editor.CreateAsync(structure, here.Scope, input, cancellationToken);
        if (action is null)
        {
            return Problems.Validation(errors);
        }
        var stored = await LoadAsync(db, structure.Id, action.Id, cancellationToken);
        return TypedResults.Created(links.GetPathByName(http, ActionRoute, new { code, actionId = action.Id }), ToDto(stored!, code, clock.Today(), await origins.ForAsync(code, stored!, cancellationToken), links));
    }

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> UpdateAsync(string code, int actionId, ActionUpdateInput input, HttpContext http,
        CurrentStructure here, ActionPlanEditor editor, AppDbContext db, ActionOriginLinks origins, LinkGenerator links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var result = await editor.UpdateAsync(structure, here.Scope, actionId, input, http.User.DisplayName(), cancellationToken);
        var today = clock.Today();
        switch (result.Outcome)
        {
            case ActionUpdateOutcome.NotFound:
                return UnknownAction(actionId);
            case ActionUpdateOutcome.Forbidden:
                return Problems.Forbidden(result.Errors[0].Message);
            case ActionUpdateOutcome.Invalid:
                return Problems.Validation(result.Errors);
            case ActionUpdateOutcome.Conflict:
                var current = await LoadAsync(db, structure.Id, actionId, cancellationToken);
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = Problems.Title(409),
                    Detail = $"{current!.UpdatedBy ?? "Une autre personne"} a modifié cette action le {Fr.DateTime(current.UpdatedAt ?? current.CreatedAt)} "
                        + $"(version {current.Version}, vous envoyez la version {input.Version}) : rien n'a été enregistré. Relisez la version enregistrée (current), puis renvoyez vos changements avec la version {current.Version}.",
                    Extensions = { ["currentVersion"] = current.Version, ["current"] = ToDto(current, code, today, await origins.ForAsync(code, current, cancellationToken), links) },
                });
            default:
                var saved = await LoadAsync(db, structure.Id, actionId, cancellationToken);
                return TypedResults.Ok(ToDto(saved!, code, today, await origins.ForAsync(code, saved!, cancellationToken), links));
        }
    }

    private static ProblemHttpResult UnknownAction(int actionId) => Problems.NotFound($"Aucune action n'a l'identifiant {actionId} dans cette structure.");

    private static Task<ImprovementAction?> LoadAsync(AppDbContext db, int structureId, int actionId, CancellationToken cancellationToken) =>
        db.Set<ImprovementAction>().AsNoTracking()
            .Include(a => a.Service)
            .Include(a => a.Engagements).ThenInclude(e => e.Engagement).ThenInclude(e => e.Referential)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == actionId && a.StructureId == structureId, cancellationToken);

    internal static T? Parse<T>(string? value, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }
        errors.Add(new FieldError(null, field, $"« {value} » n'est pas une valeur admise ({string.Join(", ", Enum.GetNames<T>().Select(InputValidation.JsonName))})."));
        return null;
    }

    /// <param name="originLink">The link <see cref="ActionOriginLinks"/> built for the action's record of origin.</param>
    /// <param name="links">To link the action's page.</param>
    public static ActionDto ToDto(ImprovementAction a, string code, DateOnly today, string? originLink, LinkGenerator links) => new(
        a.Id, a.Title, a.Description, a.Origin, a.OriginDetail, a.OriginKind, a.OriginId, originLink,
        a.Engagements.Select(e => new EngagementRefDto(e.EngagementId, e.Engagement.Referential.Label, e.Engagement.Number)).OrderBy(e => e.Number).ToList(),
        a.Service?.Code, a.OwnerName, a.StartDate, a.DueDate, a.Status, a.StatusReason, a.Progress, a.CompletedOn, a.Efficacy, a.EfficacyNote,
        a.EfficacyCheckedOn, a.IsOverdue(today), a.IsDueSoon(today), a.Version, a.UpdatedAt, a.UpdatedBy,
        links.GetPathByPage("/ActionPlan/Details", values: new { code, actionId = a.Id })!);
}
