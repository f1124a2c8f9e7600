using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>What the dashboard shows for a choice of periods and service; the page and its Excel export read the same.</summary>
public sealed record Dashboard(bool Quarterly, int Year, int FromYear, int ToYear, bool Clipped, int CurrentYear, Service? Service, IReadOnlyList<Service> Services,
    IReadOnlyList<Period> Periods, IReadOnlyList<Dashboard.Row> Rows, IReadOnlyList<Indicator> BreakdownIndicators, IReadOnlyList<Dashboard.ServiceRow> Breakdown)
{
    public const int MaxYears = 7;

    public sealed record Row(Indicator Indicator, IReadOnlyList<IndicatorResult> Cells)
    {
        /// <summary>The values its chart draws. A year's visitors are the sum of its quarters: on one scale beside them the
        /// year's bar would flatten theirs, so a count beside quarters leaves the year to the table. Rates stay comparable.</summary>
        public List<IndicatorResult> ChartPoints()
        {
            var points = Cells.Where(c => c.Value is not null).ToList();
            return Indicator.Unit == IndicatorUnit.Count && points.Any(c => c.Period.Kind == PeriodKind.Quarter)
                ? points.Where(c => c.Period.Kind != PeriodKind.Year).ToList()
                : points;
        }

        /// <summary>Top of the chart's scale: a tenth above the highest value or target; a rate reaching half way or more
        /// is drawn on the whole 0–100 scale, a small one (an engagement rate of a few %) on its own.</summary>
        public double ChartTop(IReadOnlyList<IndicatorResult> points)
        {
            var highest = Math.Max(points.Max(c => c.Value ?? 0), points.Max(c => c.Target ?? 0));
            var top = Math.Ceiling(highest * 1.1);
            if (Indicator.Unit == IndicatorUnit.Percent && top >= 50 && highest <= 100)
            {
                return 100;
            }
            return Math.Max(top, 1);
        }
    }

    public sealed record ServiceRow(Service Service, IReadOnlyList<IndicatorResult?> Cells);

    public Period BreakdownPeriod => Periods[^1];

    /// <summary>Query string of this choice, for links and the export.</summary>
    public string Query => $"vue={(Quarterly ? "trimestres" : "annees")}&annee={Year}&debut={FromYear}&fin={ToYear}"
        + (Service is null ? "" : $"&service={Uri.EscapeDataString(Service.Code)}");
}

public sealed class DashboardQuery(AppDbContext db, IndicatorQuery query, TimeProvider clock)
{
    /// <param name="view">"trimestres" for the quarters of <paramref name="year"/>, else years <paramref name="from"/> to <paramref name="to"/>.</param>
    public async Task<Dashboard> LoadAsync(Structure structure, string? view, int? year, int? from, int? to, string? serviceCode, CancellationToken cancellationToken = default)
    {
        var currentYear = clock.Today().Year;
        var quarterly = view == "trimestres";
        var theYear = Math.Clamp(year ?? currentYear, 2000, currentYear + 1);
        var toYear = Math.Clamp(to ?? currentYear, 2000, currentYear + 1);
        var fromYear = Math.Clamp(from ?? toYear - 4, toYear - Dashboard.MaxYears + 1, toYear);
        IReadOnlyList<Period> periods = quarterly
            ? [.. Period.OfYear(theYear).Quarters, Period.OfYear(theYear)]
            : Enumerable.Range(fromYear, toYear - fromYear + 1).Select(Period.OfYear).ToList();
        var services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == structure.Id).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var service = services.FirstOrDefault(s => s.Code == serviceCode);

        var indicators = await query.IndicatorsAsync(structure.Id, cancellationToken);
        if (service is not null)
        {
            indicators = indicators.Where(i => RegisterSources.ChannelOf(i.Source) is not null).ToList();
        }
        var figures = await query.LoadByServiceAsync(structure.Id, indicators, periods, cancellationToken);
        var rows = indicators.Select(i => new Dashboard.Row(i, periods.Select(p => figures.Compute(i, p, withPrevious: true, service?.Id)).ToList())).ToList();

        var last = periods[^1];
        var breakdownIndicators = indicators.Where(i => RegisterSources.ChannelOf(i.Source) is not null).ToList();
        var breakdown = services
            .Select(s => new Dashboard.ServiceRow(s, breakdownIndicators
                .Select(i => figures.ServiceIds(i.Code, last).Contains(s.Id) ? figures.Compute(i, last, withPrevious: false, s.Id) : null).ToList()))
            .Where(r => r.Cells.Any(c => c is not null))
            .ToList();
        return new Dashboard(quarterly, theYear, fromYear, toYear, !quarterly && from < fromYear, currentYear, service, services, periods, rows, breakdownIndicators, breakdown);
    }
}
