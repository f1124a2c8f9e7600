using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Audits;

/// <summary>A structure's audits, planned and past; auditors read them too (their findings are what they check).</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class IndexModel(StructureAccess access, AppDbContext db) : StructurePageModel(access)
{
    public IReadOnlyList<Audit> Audits { get; private set; } = [];

    public async Task OnGetAsync() =>
        Audits = await db.Set<Audit>().AsNoTracking()
            .Where(a => a.StructureId == Structure.Id)
            .Include(a => a.Referential)
            .Include(a => a.Modules).ThenInclude(m => m.Module)
            .Include(a => a.Findings)
            .AsSplitQuery()
            .OrderByDescending(a => a.StartDate)
            .ToListAsync();
}
