using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>The signed-in person's notifications, newest first. Every query is filtered on their own user id:
/// nobody reads anyone else's (an auditor, who is never reminded of actions, simply has none).</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];
    public int Unread { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync()
    {
        var mine = await NotificationPreferencesEditor.VisibleAsync(db, UserId, HttpContext.RequestAborted);
        Unread = await mine.CountAsync(n => n.ReadAt == null);
        Notifications = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown).ToListAsync();
    }

    public async Task<IActionResult> OnPostReadAsync(int id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<Notification>().Where(n => n.Id == id && n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        if (changed == 0 && !await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserId == UserId))
        {
            return NotFound();
        }
        return RedirectToPage("/Notifications/Index");
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<Notification>().Where(n => n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        TempData["Success"] = changed == 0 ? "Aucune notification non lue." : $"{Fr.Count(changed, "notification marquée comme lue", "notifications marquées comme lues")}.";
        return RedirectToPage("/Notifications/Index");
    }
}
