using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Home;

[AllowAnonymous]
public class IndexModel(StructureAccess access, AppDbContext db) : PageModel
{
    /// <summary>Beyond this many structures (a national administrator), the home page links to the list instead.</summary>
    public const int MaxCards = 12;

    public sealed record MyStructure(Structure Structure, AccessLevel Level, IReadOnlyList<string> Roles);

    public IReadOnlyList<MyStructure> Structures { get; private set; } = [];
    public HomeContext Context { get; private set; } = new(UserScope.Anonymous, []);
    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public async Task OnGetAsync()
    {
        Scope = await access.ScopeAsync(User);
        if (!Scope.IsAuthenticated)
        {
            return;
        }
        var visible = await access.VisibleStructuresAsync(User);
        var structures = (await visible.AsNoTracking().ToListAsync())
            .OrderBy(s => s.Department, StringComparer.Ordinal).ThenBy(s => s.Type).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var serviceNames = await db.Services.AsNoTracking()
            .Where(s => Scope.Memberships.Select(m => m.ServiceId).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Code);
        Structures = structures
            .Select(s => new MyStructure(s, Scope.LevelFor(s), Scope.MembershipsFor(s)
                .Select(m => m.Role.Label() + (m.ServiceId is { } id && serviceNames.TryGetValue(id, out var code) ? $" ({code})" : ""))
                .Distinct().ToList()))
            .ToList();
        Context = new HomeContext(Scope, structures);
    }
}
