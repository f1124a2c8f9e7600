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
    public sealed record Row(Indicator Indicator, IndicatorResult Quarter, IndicatorResult Year, DateTime? UpdatedAt);

    public sealed record Results(Structure Structure, Period Quarter, Period Year, IReadOnlyList<Row> Rows, DateTime GeneratedAt);

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
        var today = clock.Today();
        var quarter = Period.QuarterOf(today).Previous;
        var year = Period.OfYear(today.Year - 1);
        var published = await db.Set<PublishedIndicator>().AsNoTracking().Where(p => p.StructureId == structure.Id).Select(p => p.IndicatorId).ToListAsync(cancellationToken);
        var list = (await indicators.IndicatorsAsync(structure.Id, cancellationToken)).Where(i => published.Contains(i.Id)).ToList();
        var results = list.Count == 0 ? [] : await indicators.ComputeAsync(structure, [quarter, year], only: list, cancellationToken: cancellationToken);
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
                results.Single(r => r.Indicator.Id == indicator.Id && r.Period == quarter),
                results.Single(r => r.Indicator.Id == indicator.Id && r.Period == year),
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
