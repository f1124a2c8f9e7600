using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Access;

/// <summary>Ends the sessions of an account whose rights change, whichever page, API call or cascade changes them: a role in a
/// structure removed, the national administrator role removed, the password or the security stamp changed. The person signs
/// in again and gets exactly the rights they now have.</summary>
public sealed class SessionRevocation : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && AccountsLosingRights(db) is { Count: > 0 } users)
        {
            await SessionStore.EndAllAsync(db, users, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && AccountsLosingRights(db) is { Count: > 0 } users)
        {
            db.Set<UserSession>().Where(s => users.Contains(s.UserId)).ExecuteDelete();
        }
        return result;
    }

    private static List<string> AccountsLosingRights(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Membership membership when entry.State is EntityState.Deleted || (entry.State is EntityState.Modified && entry.Property(nameof(Membership.Role)).IsModified):
                    users.Add(membership.UserId);
                    break;
                case IdentityUserRole<string> role when entry.State is EntityState.Deleted:
                    users.Add(role.UserId);
                    break;
                case AppUser user when entry.State is EntityState.Modified
                    && (entry.Property(nameof(AppUser.PasswordHash)).IsModified || entry.Property(nameof(AppUser.SecurityStamp)).IsModified):
                    users.Add(user.Id);
                    break;
            }
        }
        return [.. users];
    }
}
