using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

public static class AuditTrailApi
{
    /// <summary>One changed column: its stored name and French label, and its values as the journal page shows them.</summary>
    public sealed record ChangeDto(string Field, string Label, string? Before, string? After);

    /// <summary>An entry: the stored fields as they are (Before and After are the stored JSON), then the same in French.</summary>
    public sealed record EntryDto(long Id, DateTime At, string UserName, AuditAction Action, string EntityType, string EntityId, string? Before, string? After,
        string AtParis, string Author, string ActionLabel, string EntityName, string Label, string? Url, IReadOnlyList<ChangeDto> Changes);

    public sealed record PageDto(int Page, int PageCount, int TotalCount, IReadOnlyList<EntryDto> Entries);

    public static void MapAuditTrailApi(this RouteGroupBuilder api)
    {
        api.MapStructureGroup("").MapGet("/audit-trail", ForStructureAsync).RequireAuthorization(Policies.StructureManage)
            .WithTags("Journal des modifications")
            .WithSummary("Journal d'une structure, du plus récent au plus ancien (type, user : nom d'utilisateur, from/to : JJ/MM/AAAA ou AAAA-MM-JJ, heure de Paris, jours inclus ; page)");
        api.MapGet("/audit-trail", NationalAsync).RequireAuthorization(Policies.NationalAdmin)
            .WithTags("Journal des modifications")
            .WithSummary("Journal national : référentiels, correspondances SP+, comptes (mêmes filtres)");
    }

    private static async Task<Results<Ok<PageDto>, ProblemHttpResult>> ForStructureAsync(string code, string? type, string? user, string? from, string? to, int? page,
        CurrentStructure here, AuditTrailQuery query, JournalPresenter presenter, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return await ReadAsync(structure.Id, type, user, from, to, page, query, presenter, cancellationToken);
    }

    private static Task<Results<Ok<PageDto>, ProblemHttpResult>> NationalAsync(string? type, string? user, string? from, string? to, int? page,
        AuditTrailQuery query, JournalPresenter presenter, CancellationToken cancellationToken) =>
        ReadAsync(null, type, user, from, to, page, query, presenter, cancellationToken);

    private static async Task<Results<Ok<PageDto>, ProblemHttpResult>> ReadAsync(int? structureId, string? type, string? user, string? from, string? to, int? page,
        AuditTrailQuery query, JournalPresenter presenter, CancellationToken cancellationToken)
    {
        var filter = JournalFilter.Parse(type, user, from, to, out var errors);
        if (errors.Count > 0)
        {
            return BadFilter(errors);
        }
        var result = await query.ReadAsync(structureId, filter, page ?? 1, cancellationToken);
        var lines = await presenter.PresentAsync(result.Entries, cancellationToken);
        var entries = result.Entries.Zip(lines, (e, l) => new EntryDto(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Before, e.After,
            l.AtParis, l.Author, l.ActionLabel, l.EntityName, l.Label, l.Url, l.Changes.Select(c => new ChangeDto(c.Field, c.Label, c.Before, c.After)).ToList())).ToList();
        return TypedResults.Ok(new PageDto(result.PageNumber, result.PageCount, result.TotalCount, entries));
    }

    /// <summary>A query string naming a date that does not exist: 400, with the field and a French message, as a form gets.</summary>
    private static ProblemHttpResult BadFilter(IReadOnlyList<JournalFilter.Error> errors) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Problems.Title(400),
            Detail = string.Join(" ", errors.Select(e => e.Message)),
            Extensions =
            {
                ["errors"] = errors.Select(e => new { line = (int?)null, field = e.Bound == JournalFilter.Bound.From ? "from" : "to", message = e.Message }).ToList(),
                ["errorCount"] = errors.Count,
            },
        });
}
