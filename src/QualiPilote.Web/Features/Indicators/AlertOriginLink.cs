using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>An action raised from an indicator below target links to the indicator's drill-down for that period.</summary>
public sealed class AlertOriginLink(AppDbContext db, LinkGenerator links) : IActionOriginLink
{
    public OriginKind Kind => OriginKind.IndicatorAlert;

    public async Task<IReadOnlyDictionary<int, string>> LinksAsync(int structureId, string structureCode, IReadOnlyCollection<int> ids,
        CancellationToken cancellationToken)
    {
        var alerts = await db.Set<IndicatorAlert>().AsNoTracking()
            .Where(a => a.StructureId == structureId && ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Indicator.Code, a.Period })
            .ToListAsync(cancellationToken);
        return alerts.Select(a => (a.Id, Link: links.GetPathByPage("/Indicators/Details", values: new { code = structureCode, indicator = a.Code, period = a.Period })))
            .Where(a => a.Link is not null).ToDictionary(a => a.Id, a => a.Link!);
    }
}
