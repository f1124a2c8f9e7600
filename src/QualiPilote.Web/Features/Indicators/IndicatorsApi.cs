using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

public static class IndicatorsApi
{
    public sealed record CatalogueDto(string Code, string Label, IndicatorUnit Unit, IndicatorPeriodicity Periodicity, IndicatorDirection Direction,
        IndicatorSource Source, double? NationalTarget, double? AlertThreshold, IReadOnlyList<int> Engagements);

    public sealed record IndicatorDto(string Code, string Label, string Period, long? Numerator, long? Denominator, long Pending, double? Value,
        IndicatorUnit Unit, double? NationalTarget, double? LocalTarget, bool? Met, bool Entered, string? Comment, int? EntryVersion);

    /// <param name="Version">The <c>entryVersion</c> read; null when the period had no entry.</param>
    public sealed record ValuePayload(double? Value, string? Comment, int? Version = null);

    public sealed record RecordDto(string Reference, string Service, CorrespondenceChannel Channel, DateOnly ReceivedOn, DateOnly? AnsweredOn, DateOnly DueOn,
        bool HasContact, bool InPerimeter, CorrespondenceStatus Status);

    public sealed record RecordsDto(string Indicator, string Period, int Total, int Page, int PageCount, IReadOnlyList<RecordDto> Records);

    public static void MapIndicatorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators", CatalogueAsync).WithTags("Indicateurs").WithSummary("Catalogue national des indicateurs (codes, unités, cibles)");
        var indicators = api.MapStructureGroup("/indicators").WithTags("Indicateurs");
        indicators.MapGet("/", ListAsync).RequireAuthorization(Policies.StructureRead)
            .WithSummary("Valeurs des indicateurs d'une année ou d'un trimestre (year=AAAA, quarter=1..4, service=CODE)")
            .WithDescription("value est un nombre (88.2 pour 88,20 %), null quand il n'y a rien à compter ; pending : éléments sans réponse encore dans leur délai, hors taux.");
        indicators.MapPut("/{indicator}/values/{period}", SaveValueAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Saisir la valeur d'une période (2023, 2023-T2, 2023-05) et son commentaire")
            .WithDescription("Une valeur saisie remplace celle des registres pour la période ; value null avec un commentaire annote la valeur calculée ; les deux null effacent la saisie.");
        indicators.MapGet("/{indicator}/records", RecordsAsync).RequireAuthorization(Policies.StructureRead)
            .WithSummary("Les lignes du registre derrière une valeur (period=2023, 2023-T2 ou 2023-05, l'année en cours par défaut ; service=, status=onTime|late|pending|excluded, page=)");
    }

    private static async Task<Ok<List<CatalogueDto>>> CatalogueAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var year = clock.Today().Year;
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.StructureId == null)
            .Include(i => i.NationalTargets).Include(i => i.Engagements).ThenInclude(e => e.Engagement)
            .OrderBy(i => i.SortOrder).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(indicators.Select(i => new CatalogueDto(i.Code, i.Label, i.Unit, i.Periodicity, i.Direction, i.Source,
            i.NationalTargets.Where(t => t.FromYear <= year).MaxBy(t => t.FromYear)?.Value, i.AlertThreshold,
            i.Engagements.Select(e => e.Engagement.Number).Order().ToList())).ToList());
    }

    private static async Task<IResult> ListAsync(string code, int? year, int? quarter, string? service, CurrentStructure here, IndicatorQuery query,
        AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var errors = new List<FieldError>();
        var theYear = year ?? clock.Today().Year;
        if (theYear is < 1990 or > 2200)
        {
            errors.Add(new FieldError(null, "year", $"« {year} » n'est pas une année."));
        }
        if (quarter is not null and not (>= 1 and <= 4))
        {
            errors.Add(new FieldError(null, "quarter", "le trimestre va de 1 à 4."));
        }
        int? serviceId = null;
        if (!string.IsNullOrEmpty(service))
        {
            serviceId = await db.Set<Service>().Where(s => s.StructureId == structure.Id && s.Code == service).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (serviceId is null)
            {
                errors.Add(new FieldError(null, "service", $"« {service} » n'est pas un service de la structure."));
            }
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var period = quarter is { } q ? Period.OfQuarter(theYear, q) : Period.OfYear(theYear);
        var results = await query.ComputeAsync(structure, [period], serviceId, cancellationToken: cancellationToken);
        return TypedResults.Ok(results.Select(ToDto).ToList());
    }

    public static IndicatorDto ToDto(IndicatorResult r) => new(r.Indicator.Code, r.Indicator.Label, r.Period.Key, r.Numerator, r.Denominator, r.Pending,
        r.Value, r.Indicator.Unit, r.NationalTarget, r.LocalTarget, r.Met, r.Entered, r.Comment, r.EntryVersion);

    private static async Task<IResult> SaveValueAsync(string code, string indicator, string period, ValuePayload payload, HttpContext http,
        CurrentStructure here, IndicatorEditor editor, IndicatorQuery query, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var found = await editor.FindAsync(structure.Id, indicator, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"Aucun indicateur n'a le code « {indicator} ».");
        }
        List<FieldError> errors;
        try
        {
            errors = await editor.SaveValueAsync(structure, found, period,
                new ValueInput { Value = payload.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), Comment = payload.Comment, Version = payload.Version },
                http.User, cancellationToken);
        }
        catch (StaleVersionException stale)
        {
            var stored = Period.TryParse(period, out var key)
                ? (await query.ComputeAsync(structure, [key], only: [(await editor.FindAsync(structure.Id, indicator, cancellationToken))!], cancellationToken: cancellationToken)).Single()
                : null;
            return Versions.Conflict(stale, "la saisie de cette période", stored is null ? null : ToDto(stored));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var parsed = Period.TryParse(period, out var p) ? p : throw new InvalidOperationException("Période déjà validée.");
        var result = (await query.ComputeAsync(structure, [parsed], only: [found], cancellationToken: cancellationToken)).Single();
        return TypedResults.Ok(ToDto(result));
    }

    private static async Task<IResult> RecordsAsync(string code, string indicator, string? period, string? service, string? status, int? page,
        CurrentStructure here, IndicatorEditor editor, RegisterRecords records, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var found = await editor.FindAsync(structure.Id, indicator, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"Aucun indicateur n'a le code « {indicator} ».");
        }
        if (RegisterSources.ChannelOf(found.Source) is not { } channel)
        {
            return Problems.Validation([new FieldError(null, "indicator", "cet indicateur ne vient pas du registre des courriers : consultez ses valeurs ou ses registres d'appels et de fréquentation.")]);
        }
        var parsed = Period.OfYear(clock.Today().Year);
        if (period is not null && !Period.TryParse(period, out parsed))
        {
            return Problems.Validation([new FieldError(null, "period", $"« {period} » n'est pas une période (2023, 2023-T2 ou 2023-05).")]);
        }
        CorrespondenceStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<CorrespondenceStatus>(status, ignoreCase: true, out var parsedStatus) || int.TryParse(status, out _))
            {
                return Problems.Validation([new FieldError(null, "status", $"« {status} » : onTime, late, pending ou excluded attendu.")]);
            }
            wanted = parsedStatus;
        }
        var services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == structure.Id).ToDictionaryAsync(s => s.Id, cancellationToken);
        int? serviceId = null;
        if (!string.IsNullOrEmpty(service))
        {
            serviceId = services.Values.FirstOrDefault(s => s.Code == service)?.Id;
            if (serviceId is null)
            {
                return Problems.Validation([new FieldError(null, "service", $"« {service} » n'est pas un service de la structure.")]);
            }
        }
        var result = await records.CorrespondencePageAsync(structure.Id, channel, parsed.Start, parsed.End, serviceId, wanted, page ?? 1, cancellationToken);
        var today = clock.Today();
        return TypedResults.Ok(new RecordsDto(found.Code, parsed.Key, result.Total, result.PageNumber, result.PageCount,
            result.Rows.Select(i => new RecordDto(i.Reference, services.TryGetValue(i.ServiceId, out var s) ? s.Code : "?", i.Channel, i.ReceivedOn, i.AnsweredOn,
                i.DueOn, i.HasContact, i.InPerimeter, i.StatusOn(today))).ToList()));
    }
}
