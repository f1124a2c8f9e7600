using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Notifications;

public static class NotificationsApi
{
    public sealed record NotificationDto(int Id, NotificationKind Kind, string Title, string Url, int? ActionId, DateTime CreatedAt, DateTime? ReadAt);
    public sealed record PreferencesDto(bool Actions, bool IndicatorAlerts, bool LabelExpiry, bool CampaignDeadlines, int Version, DateTime? UpdatedAt);
    public sealed record ReminderRunDto(DateOnly Day, string Trigger, int Reminders, int Notifications, int Emails, DateTime StartedAt, DateTime? FinishedAt);

    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListAsync).WithSummary("Vos notifications, les plus récentes d'abord (unread=true : les non lues)");
        notifications.MapPost("/{id:int}/read", ReadAsync).WithSummary("Marquer une notification comme lue");
        notifications.MapPost("/read-all", ReadAllAsync).WithSummary("Marquer toutes vos notifications comme lues");
        notifications.MapGet("/preferences", GetPreferencesAsync).WithSummary("Les types de notification que vous recevez (version comprise)");
        notifications.MapPut("/preferences", PutPreferencesAsync)
            .WithSummary("Choisir les types de notification que vous recevez ; envoyez la version lue (409 si quelqu'un a enregistré entre-temps)");
        api.MapPost("/reminders/run", RunAsync).RequireAuthorization(Policies.NationalAdmin).WithTags("Notifications")
            .WithSummary("Lancer les relances maintenant (administrateur national) ; sans effet en double le même jour");
    }

    private static async Task<Ok<List<NotificationDto>>> ListAsync(bool? unread, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = await NotificationPreferencesEditor.VisibleAsync(db, userId, cancellationToken);
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

    private static PreferencesDto ToDto(NotificationPreference p) => new(p.Actions, p.IndicatorAlerts, p.LabelExpiry, p.CampaignDeadlines, p.Version, p.UpdatedAt);

    private static async Task<Ok<PreferencesDto>> GetPreferencesAsync(HttpContext http, NotificationPreferencesEditor editor, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(await editor.GetAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken)));

    private static async Task<Results<Ok<PreferencesDto>, ProblemHttpResult>> PutPreferencesAsync(NotificationPreferencesInput? input, HttpContext http,
        NotificationPreferencesEditor editor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        void Require(object? value, string field)
        {
            if (value is null)
            {
                errors.Add(new FieldError(null, field, "obligatoire (true ou false)."));
            }
        }
        Require(input?.Actions, "actions");
        Require(input?.IndicatorAlerts, "indicatorAlerts");
        Require(input?.LabelExpiry, "labelExpiry");
        Require(input?.CampaignDeadlines, "campaignDeadlines");
        if (input?.Version is null or < 0)
        {
            errors.Add(new FieldError(null, "version", "obligatoire : la version lue par GET (0 si vous n'avez jamais enregistré de préférences)."));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var result = await editor.SaveAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, input!, cancellationToken);
        if (result.Outcome == PreferencesSaveOutcome.Conflict)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Problems.Title(409),
                Detail = $"Vos préférences ont été enregistrées ailleurs entre-temps (version {result.Current.Version}, vous envoyez la version {input!.Version}) : "
                    + $"rien n'a été enregistré. Relisez-les (current), puis renvoyez vos choix avec la version {result.Current.Version}.",
                Extensions = { ["currentVersion"] = result.Current.Version, ["current"] = ToDto(result.Current) },
            });
        }
        return TypedResults.Ok(ToDto(result.Current));
    }

    private static async Task<Ok<ReminderRunDto>> RunAsync(HttpContext http, ActionReminderJob job, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync($"API : {http.User.DisplayName()}", cancellationToken);
        return TypedResults.Ok(new ReminderRunDto(run.Day, run.Trigger, run.Reminders, run.Notifications, run.Emails, run.StartedAt, run.FinishedAt));
    }
}
