using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Notifications;

public static class NotificationsApi
{
    public sealed record NotificationDto(int Id, NotificationKind Kind, string Title, string Url, int? ActionId, DateTime CreatedAt, DateTime? ReadAt);
    public sealed record ReminderRunDto(DateOnly Day, string Trigger, int Reminders, int Notifications, int Emails, DateTime StartedAt, DateTime? FinishedAt);

    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListAsync).WithSummary("Vos notifications, les plus récentes d'abord (unread=true : les non lues)");
        notifications.MapPost("/{id:int}/read", ReadAsync).WithSummary("Marquer une notification comme lue");
        notifications.MapPost("/read-all", ReadAllAsync).WithSummary("Marquer toutes vos notifications comme lues");
        api.MapPost("/reminders/run", RunAsync).RequireAuthorization(Policies.NationalAdmin).WithTags("Notifications")
            .WithSummary("Lancer les relances maintenant (administrateur national) ; sans effet en double le même jour");
    }

    private static async Task<Ok<List<NotificationDto>>> ListAsync(bool? unread, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        if (unread == true)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }
        return TypedResults.Ok(await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(IndexModel.Shown)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Url, n.ActionId, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(int id, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var notification = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return Problems.NotFound($"Vous n'avez pas de notification {id}.");
        }
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReadAllAsync(HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReminderRunDto>> RunAsync(HttpContext http, ActionReminderJob job, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync($"API : {http.User.DisplayName()}", cancellationToken);
        return TypedResults.Ok(new ReminderRunDto(run.Day, run.Trigger, run.Reminders, run.Notifications, run.Emails, run.StartedAt, run.FinishedAt));
    }
}
