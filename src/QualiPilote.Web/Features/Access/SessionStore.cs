using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Access;

/// <summary>Opens, checks, extends and ends <see cref="UserSession"/>s. A session's life slides with use: a cookie session ends
/// after <see cref="CookieIdle"/> without a request, a token session after <see cref="TokenIdle"/> without a refresh.</summary>
public sealed class SessionStore(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan CookieIdle = TimeSpan.FromHours(10);
    public static readonly TimeSpan TokenIdle = TimeSpan.FromDays(14);

    /// <summary>How often a used session's expiry is pushed back (a write at most every few minutes, not at every request).</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    public async Task<string> OpenAsync(string userId, SessionKind kind, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<UserSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            Kind = kind,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + Idle(kind),
        };
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>True when the principal names a session of its own account that has not ended; the session's expiry slides.</summary>
    public async Task<bool> IsAliveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var id = principal.FindFirstValue(UserSession.Claim);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || userId is null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || session.UserId != userId || session.ExpiresAt <= now)
        {
            return false;
        }
        if (now - session.LastSeenAt > TouchEvery)
        {
            await db.Set<UserSession>().Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, now + Idle(session.Kind)), cancellationToken);
        }
        return true;
    }

    /// <summary>Ends the session the principal names (signing out); nothing when it names none.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(UserSession.Claim) is { } id)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Ends every session of these accounts: their cookies and tokens stop working at their next request.</summary>
    public static Task EndAllAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        db.Set<UserSession>().Where(s => userIds.Contains(s.UserId)).ExecuteDeleteAsync(cancellationToken);

    private static TimeSpan Idle(SessionKind kind) => kind == SessionKind.Cookie ? CookieIdle : TokenIdle;
}
