using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Referentials;

public class SpPlusModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<SpPlusCommitment> Commitments { get; private set; } = [];

    public async Task OnGetAsync() =>
        Commitments = await db.SpPlusCommitments.AsNoTracking()
            .Include(c => c.Mappings).ThenInclude(m => m.Engagement).ThenInclude(e => e.Referential)
            .OrderBy(c => c.Number)
            .ToListAsync();
}
