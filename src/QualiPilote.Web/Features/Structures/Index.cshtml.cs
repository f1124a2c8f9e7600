using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Structures;

public class IndexModel(StructureAccess access) : PageModel
{
    public IReadOnlyList<Structure> Structures { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync()
    {
        IsAdmin = (await access.ScopeAsync(User)).IsNationalAdmin;
        var visible = await access.VisibleStructuresAsync(User);
        Structures = (await visible.AsNoTracking().Include(s => s.Parent).Include(s => s.Services).AsSplitQuery().ToListAsync())
            .OrderBy(s => s.Department, StringComparer.Ordinal).ThenBy(s => s.Type).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}
