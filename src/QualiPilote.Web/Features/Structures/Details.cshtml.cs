using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Structures;

[Authorize(Policy = Policies.StructureAuditRead)]
public class DetailsModel(StructureAccess access, AppDbContext db) : StructurePageModel(access)
{
    public sealed record Referent(string FullName, string Email, MembershipRole Role, string? Service);

    public Structure? Parent { get; private set; }
    public IReadOnlyList<Structure> Children { get; private set; } = [];
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyList<Referent> Referents { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Parent = Structure.ParentId is { } parentId ? await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == parentId) : null;
        Children = await db.Structures.AsNoTracking().Where(s => s.ParentId == Structure.Id).OrderBy(s => s.Name).ToListAsync();
        Services = await db.Services.AsNoTracking().Where(s => s.StructureId == Structure.Id).OrderBy(s => s.Code).ToListAsync();
        Referents = await db.Memberships.AsNoTracking()
            .Where(m => (m.StructureId == Structure.Id && (m.Role == MembershipRole.QualityReferent || m.Role == MembershipRole.RelayReferent))
                || (m.StructureId == Structure.ParentId && m.Role == MembershipRole.QualityReferent))
            .OrderBy(m => m.Role).ThenBy(m => m.User.FullName)
            .Select(m => new Referent(m.User.FullName, m.User.Email!, m.Role, m.Service == null ? null : m.Service.Code))
            .ToListAsync();
    }
}
