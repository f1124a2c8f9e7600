using Microsoft.AspNetCore.Http.HttpResults;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Labelling;

public static class LabellingApi
{
    /// <summary>The name of the endpoint that answers one milestone: the Location of a 201 points at it.</summary>
    public const string MilestoneRoute = "GetMilestone";

    public sealed record MilestoneDto(int Id, MilestoneKind Kind, string Label, DateOnly? PlannedOn, DateOnly? DoneOn, MilestoneState State,
        string? Note, int? AuditId, int? DerivedFromId, int Version);

    public static void MapLabellingApi(this RouteGroupBuilder api)
    {
        var milestones = api.MapStructureGroup("/milestones").WithTags("Rétro-planning de labellisation");
        milestones.MapGet("/", ListAsync).RequireAuthorization(Policies.StructureRead).WithSummary("Étapes du rétro-planning, dans l'ordre des dates");
        milestones.MapGet("/{milestoneId:int}", GetAsync).WithName(MilestoneRoute).RequireAuthorization(Policies.StructureRead).WithSummary("Une étape du rétro-planning");
        milestones.MapPost("/", CreateAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Ajouter une étape (l'obtention du label réalisée ajoute son échéance, 3 ans plus tard)");
        milestones.MapPut("/{milestoneId:int}", UpdateAsync).RequireAuthorization(Policies.StructureManage).WithSummary("Modifier une étape");
        milestones.MapDelete("/{milestoneId:int}", DeleteAsync).RequireAuthorization(Policies.StructureManage).WithSummary("Supprimer une étape");
    }

    private static async Task<Results<Ok<List<MilestoneDto>>, ProblemHttpResult>> ListAsync(string code, CurrentStructure here, MilestoneEditor editor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var today = clock.Today();
        return TypedResults.Ok((await editor.ListAsync(structure.Id, cancellationToken)).Select(m => ToDto(m, today)).ToList());
    }

    private static async Task<Results<Ok<MilestoneDto>, ProblemHttpResult>> GetAsync(int milestoneId, CurrentStructure here, MilestoneEditor editor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var milestone = (await editor.ListAsync(here.Structure.Id, cancellationToken)).FirstOrDefault(m => m.Id == milestoneId);
        return milestone is null ? UnknownMilestone(milestoneId) : TypedResults.Ok(ToDto(milestone, clock.Today()));
    }

    private static async Task<Results<Created<MilestoneDto>, ProblemHttpResult>> CreateAsync(string code, MilestoneInput input, HttpContext http, CurrentStructure here, MilestoneEditor editor, LinkGenerator links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var (milestone, errors) = await editor.SaveAsync(structure.Id, null, input, cancellationToken);
        return milestone is null
            ? Problems.Validation(errors)
            : TypedResults.Created(links.GetPathByName(http, MilestoneRoute, new { code, milestoneId = milestone.Id }), ToDto(milestone, clock.Today()));
    }

    private static async Task<Results<Ok<MilestoneDto>, ProblemHttpResult>> UpdateAsync(string code, int milestoneId, MilestoneInput input, CurrentStructure here, MilestoneEditor editor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        Milestone? milestone;
        List<FieldError> errors;
        try
        {
            (milestone, errors) = await editor.SaveAsync(structure.Id, milestoneId, input, cancellationToken);
        }
        catch (StaleVersionException stale)
        {
            var current = (await editor.ListAsync(structure.Id, cancellationToken)).FirstOrDefault(m => m.Id == milestoneId);
            return Versions.Conflict(stale, "cette étape", current is null ? null : ToDto(current, clock.Today()));
        }
        if (milestone is null)
        {
            return errors.Any(e => e.Field == "id") ? UnknownMilestone(milestoneId) : Problems.Validation(errors);
        }
        return TypedResults.Ok(ToDto(milestone, clock.Today()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string code, int milestoneId, CurrentStructure here, MilestoneEditor editor, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return await editor.DeleteAsync(structure.Id, milestoneId, cancellationToken) ? TypedResults.NoContent() : UnknownMilestone(milestoneId);
    }

    private static ProblemHttpResult UnknownMilestone(int milestoneId) => Problems.NotFound($"Aucune étape n'a l'identifiant {milestoneId} dans cette structure.");

    private static MilestoneDto ToDto(Milestone m, DateOnly today) =>
        new(m.Id, m.Kind, m.Label, m.PlannedOn, m.DoneOn, m.StateOn(today), m.Note, m.AuditId, m.DerivedFromId, m.Version);
}
