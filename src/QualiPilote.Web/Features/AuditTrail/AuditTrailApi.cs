using Microsoft.AspNetCore.Http.HttpResults;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

public static class AuditTrailApi
{
    public sealed record EntryDto(long Id, DateTime At, string UserName, AuditAction Action, string EntityType, string EntityId, string? Before, string? After);
    public sealed record PageDto(int Page, int PageCount, int TotalCount, IReadOnlyList<EntryDto> Entries);

    public static void MapAuditTrailApi(this RouteGroupBuilder api)
    {
        api.MapGet("/structures/{code}/audit-trail", ForStructureAsync).RequireAuthorization(Policies.StructureManage)
            .WithTags("Journal des modifications").WithSummary("Journal d'une structure, du plus récent au plus ancien (type, page)");
        api.MapGet("/audit-trail", NationalAsync).RequireAuthorization(Policies.NationalAdmin)
            .WithTags("Journal des modifications").WithSummary("Journal national : référentiels, correspondances SP+, comptes");
    }

    private static async Task<Results<Ok<PageDto>, ProblemHttpResult>> ForStructureAsync(string code, string? type, int? page, StructureAccess access, AuditTrailQuery query, CancellationToken cancellationToken)
    {
        var structure = await access.FindStructureAsync(code, cancellationToken);
        if (structure is null)
        {
            return Problems.UnknownStructure(code);
        }
        return TypedResults.Ok(ToDto(await query.ReadAsync(structure.Id, type, page ?? 1, cancellationToken)));
    }

    private static async Task<Ok<PageDto>> NationalAsync(string? type, int? page, AuditTrailQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(await query.ReadAsync(null, type, page ?? 1, cancellationToken)));

    private static PageDto ToDto(AuditTrailQuery.Page page) =>
        new(page.PageNumber, page.PageCount, page.TotalCount,
            page.Entries.Select(e => new EntryDto(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Before, e.After)).ToList());
}
