using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

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
