using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Access;

/// <summary>Request-scoped entry point of every access decision: who the user is in which structure.</summary>
public sealed class StructureAccess(AppDbContext db, CurrentStructure current)
{
    private UserScope? _scope;
    private string? _scopeUserId;
    private string? _lookedUpCode;

    public async Task<UserScope> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
        {
            return UserScope.Anonymous;
        }
        if (_scope is not null && _scopeUserId == userId)
        {
            return _scope;
        }
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        _scopeUserId = userId;
        _scope = new UserScope(userId, user.IsInRole(Roles.NationalAdmin), memberships);
        return _scope;
    }

    public Task<Structure?> FindStructureAsync(string code, CancellationToken cancellationToken = default) =>
        db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);

    /// <summary>Loads the structure of the address into <see cref="CurrentStructure"/>, once per request: the authorization step
    /// does it first, the endpoint filter and the page base find it done. Null when no structure has that code.</summary>
    public async Task<CurrentStructure?> LoadCurrentAsync(string code, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (_lookedUpCode != code)
        {
            _lookedUpCode = code;
            if (await FindStructureAsync(code, cancellationToken) is { } structure)
            {
                current.Set(structure, await ScopeAsync(user, cancellationToken));
            }
        }
        return current.IsLoaded && current.Structure.Code == code ? current : null;
    }

    /// <summary>The structures a user may read: all for an administrator, else those named by a membership,
    /// and for a prefecture's quality referent the structures it groups.</summary>
    public async Task<IQueryable<Structure>> VisibleStructuresAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(user, cancellationToken);
        if (scope.IsNationalAdmin)
        {
            return db.Structures;
        }
        var ids = scope.MemberStructureIds;
        var groups = scope.GroupingStructureIds;
        return db.Structures.Where(s => ids.Contains(s.Id) || (s.ParentId != null && groups.Contains(s.ParentId.Value)));
    }
}
