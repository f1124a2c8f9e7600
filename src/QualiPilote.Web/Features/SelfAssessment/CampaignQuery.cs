using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Reads campaigns for the pages, the API, the rates and the auditor's pack.</summary>
public sealed class CampaignQuery(AppDbContext db)
{
    public Task<List<SelfAssessmentCampaign>> ListAsync(int structureId, CancellationToken cancellationToken = default) =>
        db.Set<SelfAssessmentCampaign>().AsNoTracking().Include(c => c.Referential)
            .Where(c => c.StructureId == structureId).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);

    public Task<SelfAssessmentCampaign?> FindAsync(int structureId, int year, CancellationToken cancellationToken = default) =>
        db.Set<SelfAssessmentCampaign>().AsNoTracking().Include(c => c.Referential)
            .FirstOrDefaultAsync(c => c.StructureId == structureId && c.Year == year, cancellationToken);

    /// <summary>The campaign of the latest year before this one, whose rates sit beside this year's.</summary>
    public Task<SelfAssessmentCampaign?> FindPreviousAsync(SelfAssessmentCampaign campaign, CancellationToken cancellationToken = default) =>
        db.Set<SelfAssessmentCampaign>().AsNoTracking().Include(c => c.Referential)
            .Where(c => c.StructureId == campaign.StructureId && c.Year < campaign.Year)
            .OrderByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The rates of a loaded grid, with the previous campaign's grid beside them.</summary>
    public async Task<CampaignRates> LoadRatesAsync(CampaignGrid grid, CancellationToken cancellationToken = default)
    {
        var previous = await FindPreviousAsync(grid.Campaign, cancellationToken);
        return new CampaignRates(grid, previous is null ? null : await LoadGridAsync(previous, cancellationToken));
    }

    /// <summary>The grid of a campaign. An open campaign follows the structure's current perimeter: requirements
    /// that appeared since (a module added, the auditor's expectations imported) get their row, and rows of
    /// modules no longer in the perimeter are left out. A closed campaign shows exactly the rows it was closed with.</summary>
    public async Task<CampaignGrid> LoadGridAsync(SelfAssessmentCampaign campaign, CancellationToken cancellationToken = default)
    {
        var perimeter = await db.Perimeters.AsNoTracking()
            .Include(p => p.Modules).ThenInclude(m => m.Services).ThenInclude(s => s.Service)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.StructureId == campaign.StructureId && p.ReferentialId == campaign.ReferentialId, cancellationToken);
        var servicesByModule = (perimeter?.Modules ?? []).ToDictionary(
            m => m.ModuleId, m => (IReadOnlyList<Service>)m.Services.Select(s => s.Service).OrderBy(s => s.Code, StringComparer.Ordinal).ToList());

        if (!campaign.IsClosed)
        {
            await AddMissingRowsAsync(campaign, servicesByModule.Keys.ToList(), cancellationToken);
        }

        var assessments = await db.Set<RequirementAssessment>().AsNoTracking()
            .Where(a => a.CampaignId == campaign.Id)
            .Include(a => a.Evidence).ThenInclude(l => l.Evidence)
            .Include(a => a.Action)
            .AsSplitQuery()
            .ToDictionaryAsync(a => a.RequirementId, cancellationToken);
        var moduleIds = campaign.IsClosed
            ? await db.Requirements.Where(r => assessments.Keys.Contains(r.Id)).Select(r => r.Engagement.ModuleId).Distinct().ToListAsync(cancellationToken)
            : servicesByModule.Keys.ToList();
        var modules = await db.Modules.AsNoTracking()
            .Where(m => moduleIds.Contains(m.Id))
            .Include(m => m.Engagements.OrderBy(e => e.Number)).ThenInclude(e => e.Requirements.OrderBy(r => r.Number))
            .AsSplitQuery()
            .OrderBy(m => m.Number)
            .ToListAsync(cancellationToken);

        return new CampaignGrid(campaign, modules.Select(m => new GridModule(m,
                servicesByModule.GetValueOrDefault(m.Id) ?? [],
                m.Engagements.Select(e => new GridEngagement(e, e.Requirements
                        .Where(r => assessments.ContainsKey(r.Id))
                        .Select(r => Row(assessments[r.Id], r, e))
                        .ToList()))
                    .Where(e => e.Rows.Count > 0 || !campaign.IsClosed)
                    .ToList()))
            .ToList());
    }

    /// <summary>The figures the lists show (campaign list, home page, API), without loading any grid: two grouped
    /// queries for any number of campaigns. They count the rows <see cref="LoadGridAsync"/> shows: every row of a closed
    /// campaign; for an open one, the requirements of the modules of its current perimeter, a requirement whose row
    /// does not exist yet counting as unassessed.</summary>
    public async Task<Dictionary<int, CampaignSummary>> SummarizeAsync(IReadOnlyCollection<SelfAssessmentCampaign> campaigns,
        CancellationToken cancellationToken = default)
    {
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.Set<RequirementAssessment>()
            .Where(a => ids.Contains(a.CampaignId))
            .Where(a => a.Campaign.ClosedAt != null || db.PerimeterModules.Any(m => m.StructureId == a.StructureId
                && m.Perimeter.ReferentialId == a.Campaign.ReferentialId && m.ModuleId == a.Requirement.Engagement.ModuleId))
            .GroupBy(a => new { a.CampaignId, a.Status, a.CarriedOver })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, g.Key.CarriedOver, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var open = campaigns.Where(c => !c.IsClosed).Select(c => c.Id).ToList();
        var perimeterSizes = open.Count == 0
            ? []
            : await db.Set<SelfAssessmentCampaign>().Where(c => open.Contains(c.Id))
                .Select(c => new
                {
                    c.Id,
                    Count = db.Requirements.Count(r => db.PerimeterModules.Any(m => m.StructureId == c.StructureId
                        && m.Perimeter.ReferentialId == c.ReferentialId && m.ModuleId == r.Engagement.ModuleId)),
                })
                .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);

        return campaigns.ToDictionary(c => c.Id, c =>
        {
            var mine = counts.Where(x => x.CampaignId == c.Id).ToList();
            int Of(AssessmentStatus status) => mine.Where(x => x.Status == status).Sum(x => x.Count);
            var assessed = mine.Where(x => x.Status is not null).Sum(x => x.Count);
            var total = c.IsClosed ? mine.Sum(x => x.Count) : perimeterSizes.GetValueOrDefault(c.Id);
            var rate = new RealisationRate(total, Of(AssessmentStatus.Done), Of(AssessmentStatus.InProgress), Of(AssessmentStatus.NotEngaged),
                Of(AssessmentStatus.NotApplicable), total - assessed);
            return new CampaignSummary(c, rate,
                mine.Where(x => x.Status is not null && !x.CarriedOver).Sum(x => x.Count),
                mine.Where(x => x.CarriedOver).Sum(x => x.Count));
        });
    }

    private static GridRow Row(RequirementAssessment assessment, Requirement requirement, Engagement engagement) =>
        new(assessment, requirement, engagement,
            assessment.Evidence.Select(l => l.Evidence).OrderBy(e => e.Title, StringComparer.Ordinal).ToList(),
            assessment.Action);

    private async Task AddMissingRowsAsync(SelfAssessmentCampaign campaign, List<int> moduleIds, CancellationToken cancellationToken)
    {
        var missing = await db.Requirements
            .Where(r => moduleIds.Contains(r.Engagement.ModuleId))
            .Where(r => !db.Set<RequirementAssessment>().Any(a => a.CampaignId == campaign.Id && a.RequirementId == r.Id))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }
        var rows = missing.Select(id => new RequirementAssessment { CampaignId = campaign.Id, StructureId = campaign.StructureId, RequirementId = id }).ToList();
        db.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request added the same rows at the same moment (unique campaign + requirement): theirs stand.
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The modules of the campaign whose requirements the user may assess: all of them for a quality referent,
    /// for a relay referent the modules their service deploys (the perimeter's "services qui le déploient").</summary>
    public static IReadOnlySet<int> EditableModuleIds(CampaignGrid grid, Structure structure, UserScope scope)
    {
        if (grid.Campaign.IsClosed || scope.LevelFor(structure) < AccessLevel.ServiceEdit)
        {
            return new HashSet<int>();
        }
        return grid.Modules.Where(m => scope.LevelFor(structure) >= AccessLevel.Manage || m.Services.Any(s => scope.CanEditService(structure, s.Id)))
            .Select(m => m.Module.Id).ToHashSet();
    }

    public Task<List<Evidence>> EvidenceOfAsync(int structureId, CancellationToken cancellationToken = default) =>
        db.Set<Evidence>().AsNoTracking().Where(e => e.StructureId == structureId).OrderBy(e => e.Title).ToListAsync(cancellationToken);
}
