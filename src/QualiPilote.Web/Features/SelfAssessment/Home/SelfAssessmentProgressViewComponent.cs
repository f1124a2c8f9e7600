using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Home;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Home page section: where the self-assessment stands in each structure the user manages.</summary>
public sealed class SelfAssessmentProgressViewComponent(AppDbContext db, CampaignQuery query, TimeProvider clock) : ViewComponent
{
    /// <summary>A national administrator manages every structure: the section keeps to the first ones, open campaigns first.</summary>
    public const int MaxRows = 12;

    public sealed record Line(Structure Structure, CampaignSummary? Latest);

    public sealed record Model(IReadOnlyList<Line> Lines, int Hidden, int Year);

    public async Task<IViewComponentResult> InvokeAsync(HomeContext context)
    {
        var managed = context.Managed.ToList();
        var ids = managed.Select(s => s.Id).ToList();
        var withPerimeter = await db.Perimeters.Where(p => ids.Contains(p.StructureId)).Select(p => p.StructureId).Distinct().ToListAsync();
        var latest = (await db.Set<SelfAssessmentCampaign>().AsNoTracking().Include(c => c.Referential)
                .Where(c => ids.Contains(c.StructureId)).ToListAsync())
            .GroupBy(c => c.StructureId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Year)!);
        var candidates = managed.Where(s => withPerimeter.Contains(s.Id) || latest.ContainsKey(s.Id))
            .OrderBy(s => latest.TryGetValue(s.Id, out var c) && !c.IsClosed ? 0 : 1)
            .ThenBy(s => s.Department, StringComparer.Ordinal).ThenBy(s => s.Type).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return Content("");
        }
        var shown = candidates.Take(MaxRows).ToList();
        var summaries = await query.SummarizeAsync(shown.Where(s => latest.ContainsKey(s.Id)).Select(s => latest[s.Id]).ToList());
        var lines = shown.Select(s => new Line(s, latest.TryGetValue(s.Id, out var campaign) ? summaries[campaign.Id] : null)).ToList();
        return View("/Features/SelfAssessment/Home/SelfAssessmentProgress.cshtml", new Model(lines, candidates.Count - lines.Count, clock.GetUtcNow().Year));
    }
}
