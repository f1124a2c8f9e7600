using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Referentials;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(Referential Referential, int Modules, int Engagements, int Requirements, int MissingTexts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rows = await db.Referentials.AsNoTracking()
            .OrderBy(r => r.Name).ThenByDescending(r => r.EffectiveFrom)
            .Select(r => new Row(r, r.Modules.Count,
                r.Modules.SelectMany(m => m.Engagements).Count(),
                r.Modules.SelectMany(m => m.Engagements).SelectMany(e => e.Requirements).Count(),
                r.Modules.SelectMany(m => m.Engagements).Count(e => e.OfficialTextMissing)))
            .ToListAsync();
    }
}
