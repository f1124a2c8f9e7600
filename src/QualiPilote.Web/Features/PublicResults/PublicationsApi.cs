using Microsoft.AspNetCore.Http.HttpResults;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.PublicResults;

public static class PublicationsApi
{
    public sealed record PublicationDto(string Period, string Label, bool Published, DateTime? PublishedAt, string? PublishedBy);

    public static void MapPublicationsApi(this RouteGroupBuilder api)
    {
        var publications = api.MapStructureGroup("/publications").WithTags("Résultats publics");
        publications.MapGet("/", ListAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Périodes terminées et leur publication")
            .WithDescription("La page publique montre le dernier trimestre et la dernière année publiés.");
        publications.MapPut("/{period}", PublishAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Publier un trimestre (2026-T3) ou une année (2025) terminés");
        publications.MapDelete("/{period}", WithdrawAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Retirer la publication d'une période");
    }

    private static async Task<Results<Ok<List<PublicationDto>>, ProblemHttpResult>> ListAsync(string code, CurrentStructure here, PeriodPublisher publisher, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return TypedResults.Ok((await publisher.CandidatesAsync(structure.Id, cancellationToken))
            .Select(c => new PublicationDto(c.Period.Key, c.Period.Label, c.Publication is not null, c.Publication?.PublishedAt, c.Publication?.PublishedBy)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PublishAsync(string code, string period, HttpContext http, CurrentStructure here, PeriodPublisher publisher, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        if (!Period.TryParse(period, out var parsed))
        {
            return Problems.Validation([new FieldError(null, "period", $"« {period} » n'est pas une période (2026-T3 ou 2025).")]);
        }
        return await publisher.PublishAsync(structure, parsed, http.User.DisplayName(), cancellationToken) is { } refusal
            ? Problems.Validation([new FieldError(null, "period", refusal)])
            : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(string code, string period, CurrentStructure here, PeriodPublisher publisher, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return Period.TryParse(period, out var parsed) && await publisher.WithdrawAsync(structure, parsed, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"La période « {period} » n'est pas publiée.");
    }
}
