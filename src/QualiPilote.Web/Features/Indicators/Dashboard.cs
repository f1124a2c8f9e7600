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
