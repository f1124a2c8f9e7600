using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>The header's link to the notifications, with the number of unread ones.</summary>
public sealed class NotificationCountViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Content("");
        }
        var unread = await (await NotificationPreferencesEditor.VisibleAsync(db, userId)).CountAsync(n => n.ReadAt == null);
        return View("/Features/Notifications/NotificationCount.cshtml", unread);
    }
}
