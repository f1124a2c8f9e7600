using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The national catalogue of indicators: codes (used by the API), units, sources, national targets, engagements served.</summary>
public class CatalogueModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public int Year { get; private set; }

    public async Task OnGetAsync()
    {
        Year = clock.Today().Year;
        Indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.StructureId == null)
            .Include(i => i.NationalTargets).Include(i => i.Engagements).ThenInclude(e => e.Engagement).ThenInclude(e => e.Referential)
            .OrderBy(i => i.SortOrder).AsSplitQuery().ToListAsync();
    }
}
