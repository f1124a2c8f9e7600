using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Home;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Home page section: values below their target or alert threshold in the structures the user manages, for the
/// current and the previous quarter and the current year, each with a one-click "open an action" (or the action already opened).</summary>
public sealed class IndicatorAlertsViewComponent(IndicatorQuery query, AppDbContext db, TimeProvider clock) : ViewComponent
{
    public const string Name = "IndicatorAlerts";

    public sealed record Alert(string StructureCode, string StructureName, IndicatorResult Result, int? ActionId);

    public async Task<IViewComponentResult> InvokeAsync(HomeContext context)
    {
        var today = clock.Today();
        var quarter = Period.QuarterOf(today);
        Period[] periods = [quarter, quarter.Previous, Period.OfYear(today.Year)];
        var alerts = new List<Alert>();
        foreach (var structure in context.Managed)
        {
            var results = (await query.ComputeAsync(structure, periods)).Where(r => r.NeedsAttention).ToList();
            if (results.Count == 0)
            {
                continue;
            }
            var opened = await db.Set<IndicatorAlert>().AsNoTracking().Where(a => a.StructureId == structure.Id && a.ActionId != null)
                .Select(a => new { a.IndicatorId, a.Period, a.ActionId }).ToListAsync();
            alerts.AddRange(results.Select(r => new Alert(structure.Code, structure.Name, r,
                opened.FirstOrDefault(o => o.IndicatorId == r.Indicator.Id && o.Period == r.Period.Key)?.ActionId)));
        }
        return View("/Features/Indicators/_IndicatorAlerts.cshtml", alerts
            .OrderBy(a => a.ActionId is not null).ThenBy(a => a.Result.Status != IndicatorStatus.Alert).ThenBy(a => a.StructureName, StringComparer.Ordinal)
            .ToList());
    }
}
