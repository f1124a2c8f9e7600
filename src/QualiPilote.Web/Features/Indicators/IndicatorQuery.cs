using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Computes indicator values from the monthly tallies, the hand-entered values and the targets. It reads a few hundred
/// tally rows per structure and year whatever the size of the registers (the dashboard never scans them), so dashboards,
/// the API, alerts and public pages cost the same at ten thousand or ten million register rows.</summary>
public sealed class IndicatorQuery(AppDbContext db, TimeProvider clock)
{
    /// <summary>The indicators a structure sees: the national catalogue and its own, in catalogue order.</summary>
    public Task<List<Indicator>> IndicatorsAsync(int structureId, CancellationToken cancellationToken = default) =>
        db.Set<Indicator>().AsNoTracking()
            .Where(i => i.StructureId == null || i.StructureId == structureId)
            .Include(i => i.NationalTargets)
            .OrderBy(i => i.StructureId != null).ThenBy(i => i.SortOrder).ThenBy(i => i.Label)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    public async Task<List<IndicatorResult>> ComputeAsync(Structure structure, IReadOnlyList<Period> periods, int? serviceId = null,
        IReadOnlyCollection<Indicator>? only = null, CancellationToken cancellationToken = default)
    {
        var indicators = only?.ToList() ?? await IndicatorsAsync(structure.Id, cancellationToken);
        if (periods.Count == 0 || indicators.Count == 0)
        {
            return [];
        }
        var figures = await LoadAsync(structure.Id, indicators, periods, serviceId, byService: false, cancellationToken);
        return indicators.SelectMany(i => periods.Select(p => figures.Compute(i, p, withPrevious: true))).ToList();
    }

    /// <summary>The figures of <paramref name="indicators"/> over <paramref name="periods"/> (and the year before), per service, in
    /// one read: the dashboard and the drill-down compute both their values (of the structure or of one service) and the per-service
    /// breakdown from them.</summary>
    public Task<IndicatorFigures> LoadByServiceAsync(int structureId, List<Indicator> indicators, IReadOnlyList<Period> periods,
        CancellationToken cancellationToken = default) =>
        LoadAsync(structureId, indicators, periods, null, byService: true, cancellationToken);

    /// <summary>Visitors of an attendance indicator for a period, by request type.</summary>
    public async Task<List<(string Category, long Visitors)>> ByCategoryAsync(int structureId, string indicatorCode, Period period, CancellationToken cancellationToken = default) =>
        (await db.Set<IndicatorTally>().AsNoTracking()
            .Where(t => t.StructureId == structureId && t.IndicatorCode == indicatorCode && t.Month >= period.Start && t.Month < period.End)
            .GroupBy(t => t.Category)
            .Select(g => new { g.Key, Visitors = g.Sum(t => t.Numerator) })
            .ToListAsync(cancellationToken))
        .OrderByDescending(c => c.Visitors).Select(c => (c.Key, c.Visitors)).ToList();

    private async Task<IndicatorFigures> LoadAsync(int structureId, List<Indicator> indicators, IReadOnlyList<Period> periods, int? serviceId, bool byService,
        CancellationToken cancellationToken)
    {
        var from = periods.Min(p => p.Start).AddYears(-1);
        var to = periods.Max(p => p.End);
        var codes = indicators.Where(i => i.IsComputed).Select(i => i.Code).ToList();
        var ids = indicators.Select(i => i.Id).ToList();
        var tallies = db.Set<IndicatorTally>().AsNoTracking()
            .Where(t => t.StructureId == structureId && codes.Contains(t.IndicatorCode) && t.Month >= from && t.Month < to);
        if (serviceId is { } service)
        {
            tallies = tallies.Where(t => t.ServiceId == service);
        }
        // Unanswered items whose deadline has passed are all late whatever their date: only future deadlines are kept apart.
        // The writes fold passed due dates into the month's row (TallyStore.ApplyAsync); this also covers those that passed since.
        var today = clock.Today();
        var sums = byService
            ? await tallies.GroupBy(t => new { t.IndicatorCode, t.Month, t.ServiceId, DueOn = t.DueOn >= today ? t.DueOn : null })
                .Select(g => new IndicatorFigures.Sum(g.Key.IndicatorCode, g.Key.Month, g.Key.ServiceId, g.Key.DueOn,
                    g.Sum(t => t.Numerator), g.Sum(t => t.Denominator), g.Sum(t => t.Excluded), g.Sum(t => t.Open)))
                .ToListAsync(cancellationToken)
            : await tallies.GroupBy(t => new { t.IndicatorCode, t.Month, DueOn = t.DueOn >= today ? t.DueOn : null })
                .Select(g => new IndicatorFigures.Sum(g.Key.IndicatorCode, g.Key.Month, null, g.Key.DueOn,
                    g.Sum(t => t.Numerator), g.Sum(t => t.Denominator), g.Sum(t => t.Excluded), g.Sum(t => t.Open)))
                .ToListAsync(cancellationToken);
        var locals = await db.Set<LocalTarget>().AsNoTracking()
            .Where(t => t.StructureId == structureId && ids.Contains(t.IndicatorId)).ToListAsync(cancellationToken);
        var entered = serviceId is null
            ? await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.StructureId == structureId && ids.Contains(v.IndicatorId)).ToListAsync(cancellationToken)
            : [];
        return new IndicatorFigures(sums, locals, entered, today);
    }
}
