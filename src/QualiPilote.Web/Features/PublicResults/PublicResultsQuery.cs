using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>What a structure shows the public: only the indicators its quality referent chose to publish, for the last completed
/// quarter and the last completed year, with their targets and the date the figures last changed (SP+ engagement 6).</summary>
public sealed class PublicResultsQuery(AppDbContext db, IndicatorQuery indicators, TimeProvider clock)
{
    /// <summary>An indicator's figures for the published quarter and year (null when that kind of period is not published yet).</summary>
    public sealed record Row(Indicator Indicator, IndicatorResult? Quarter, IndicatorResult? Year, DateTime? UpdatedAt)
    {
        public IEnumerable<IndicatorResult> Figures => new[] { Quarter, Year }.OfType<IndicatorResult>();

        public IndicatorResult Latest => Year ?? Quarter!;
    }

    /// <summary>What the public sees: the latest published quarter and year, each with the date it was published.</summary>
    public sealed record Results(Structure Structure, Published? Quarter, Published? Year, IReadOnlyList<Row> Rows, DateTime GeneratedAt)
    {
        public string PeriodsLabel => (Quarter, Year) switch
        {
            ({ } q, { } y) => $"{q.Period.Label} et année {y.Period.Label}",
            ({ } q, null) => q.Period.Label,
            (null, { } y) => $"année {y.Period.Label}",
            _ => "aucune période publiée",
        };
    }

    public sealed record Published(Period Period, DateTime At, string By);

    /// <summary>Structures that publish at least one indicator, for the public index.</summary>
    public Task<List<Structure>> PublishingStructuresAsync(CancellationToken cancellationToken = default) =>
        db.Set<Structure>().AsNoTracking()
            .Where(s => db.Set<PublishedIndicator>().Any(p => p.StructureId == s.Id))
            .OrderBy(s => s.Department).ThenBy(s => s.Name).ToListAsync(cancellationToken);

    public async Task<Results?> LoadAsync(string code, CancellationToken cancellationToken = default)
    {
        var structure = await db.Set<Structure>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (structure is null)
        {
            return null;
        }
        var published = (await db.Set<PublishedPeriod>().AsNoTracking().Where(p => p.StructureId == structure.Id).ToListAsync(cancellationToken))
            .Select(p => Period.TryParse(p.Period, out var period) ? new Published(period, p.PublishedAt, p.PublishedBy) : null)
            .OfType<Published>().ToList();
        return await LoadAsync(structure,
            published.Where(p => p.Period.Kind == PeriodKind.Quarter).MaxBy(p => p.Period.Start),
            published.Where(p => p.Period.Kind == PeriodKind.Year).MaxBy(p => p.Period.Start),
            cancellationToken);
    }

    /// <summary>The figures of the given periods, published or about to be (the referent's preview before publishing).</summary>
    public async Task<Results> LoadAsync(Structure structure, Published? quarter, Published? year, CancellationToken cancellationToken = default)
    {
        var published = await db.Set<PublishedIndicator>().AsNoTracking().Where(p => p.StructureId == structure.Id).Select(p => p.IndicatorId).ToListAsync(cancellationToken);
        var list = quarter is null && year is null ? [] : (await indicators.IndicatorsAsync(structure.Id, cancellationToken)).Where(i => published.Contains(i.Id)).ToList();
        var periods = new[] { quarter?.Period, year?.Period }.OfType<Period>().ToList();
        var results = list.Count == 0 ? [] : await indicators.ComputeAsync(structure, periods, only: list, cancellationToken: cancellationToken);
        var registerUpdates = await db.Set<RegisterImport>().AsNoTracking().Where(b => b.StructureId == structure.Id)
            .GroupBy(b => b.Register).Select(g => new { g.Key, At = g.Max(b => b.At) }).ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);
        var ids = list.Select(i => i.Id).ToList();
        var entries = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.StructureId == structure.Id && ids.Contains(v.IndicatorId))
            .GroupBy(v => v.IndicatorId).Select(g => new { g.Key, At = g.Max(v => v.EnteredAt) }).ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);
        var rows = list.Select(indicator =>
        {
            var register = RegisterOf(indicator.Source);
            DateTime? updated = register is { } kind && registerUpdates.TryGetValue(kind, out var at) ? at : null;
            if (entries.TryGetValue(indicator.Id, out var entered) && (updated is null || entered > updated))
            {
                updated = entered;
            }
            return new Row(indicator,
                quarter is null ? null : results.Single(r => r.Indicator.Id == indicator.Id && r.Period == quarter.Period),
                year is null ? null : results.Single(r => r.Indicator.Id == indicator.Id && r.Period == year.Period),
                updated);
        }).ToList();
        return new Results(structure, quarter, year, rows, clock.GetUtcNow().UtcDateTime);
    }

    private static RegisterKind? RegisterOf(IndicatorSource source) => source switch
    {
        IndicatorSource.CorrespondenceMail or IndicatorSource.CorrespondenceEmail or IndicatorSource.CorrespondenceComplaint => RegisterKind.Correspondence,
        IndicatorSource.Calls => RegisterKind.Calls,
        IndicatorSource.AttendanceReception or IndicatorSource.AttendancePan => RegisterKind.Attendance,
        _ => null,
    };
}
