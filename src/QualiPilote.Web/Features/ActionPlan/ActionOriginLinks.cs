using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The link from an action back to the record it was raised from, built when it is shown: actions store the
/// record's kind and id, never an address, so that a page that moves takes its links with it. Links are built from Razor
/// page names with <see cref="LinkGenerator"/>, one query per kind of record whatever the number of actions. A record of
/// another structure, or one deleted since, gives no link.</summary>
public sealed class ActionOriginLinks(AppDbContext db, LinkGenerator links)
{
    /// <summary>A page of the app and the route values that show one record.</summary>
    private sealed record Target(int Id, string Page, object Route, string? Fragment = null);

    public async Task<string?> ForAsync(string structureCode, ImprovementAction action, CancellationToken cancellationToken = default) =>
        (await ForAsync(structureCode, [action], cancellationToken)).GetValueOrDefault(action.Id);

    /// <summary>The links of the actions of one structure that have a record of origin, by action id.</summary>
    public async Task<IReadOnlyDictionary<int, string>> ForAsync(string structureCode, IReadOnlyCollection<ImprovementAction> actions,
        CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<int, string>();
        foreach (var group in actions.Where(a => a.OriginRecord is not null).GroupBy(a => a.OriginKind!.Value))
        {
            var structureId = group.First().StructureId;
            var ids = group.Select(a => a.OriginId!.Value).Distinct().ToList();
            var targets = (await TargetsAsync(group.Key, structureId, structureCode, ids, cancellationToken)).ToDictionary(t => t.Id);
            foreach (var action in group)
            {
                if (targets.TryGetValue(action.OriginId!.Value, out var target)
                    && links.GetPathByPage(target.Page, handler: null, values: target.Route,
                        fragment: target.Fragment is null ? default : new FragmentString("#" + target.Fragment)) is { } path)
                {
                    result[action.Id] = path;
                }
            }
        }
        return result;
    }

    private async Task<List<Target>> TargetsAsync(OriginKind kind, int structureId, string code, List<int> ids, CancellationToken cancellationToken) => kind switch
    {
        // The grid row of the campaign, as the campaign page anchors it (GridRow.Anchor).
        OriginKind.Assessment => (await db.Set<RequirementAssessment>().AsNoTracking()
                .Where(a => a.StructureId == structureId && ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Campaign.Year, Engagement = a.Requirement.Engagement.Number, Requirement = a.Requirement.Number })
                .ToListAsync(cancellationToken))
            .Select(a => new Target(a.Id, "/SelfAssessment/Campaign", new { code, year = a.Year }, $"exigence-{a.Engagement}-{a.Requirement}")).ToList(),
        OriginKind.AuditFinding => (await db.Set<AuditFinding>().AsNoTracking()
                .Where(f => f.StructureId == structureId && ids.Contains(f.Id))
                .Select(f => new { f.Id, f.AuditId })
                .ToListAsync(cancellationToken))
            .Select(f => new Target(f.Id, "/Audits/Details", new { code, auditId = f.AuditId }, $"constat-{f.Id}")).ToList(),
        // The indicator's drill-down for the period that was below target.
        OriginKind.IndicatorAlert => (await db.Set<IndicatorAlert>().AsNoTracking()
                .Where(a => a.StructureId == structureId && ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Indicator.Code, a.Period })
                .ToListAsync(cancellationToken))
            .Select(a => new Target(a.Id, "/Indicators/Details", new { code, indicator = a.Code, period = a.Period })).ToList(),
        _ => [],
    };
}
