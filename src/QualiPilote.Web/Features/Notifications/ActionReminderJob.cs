using System.Text;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>The daily reminder: finds the open actions that are overdue or due within
/// <see cref="ActionDeadlines.DueSoonDays"/> days and notifies the relay referents of the owner service and the
/// quality referents of the structure (in the app, and by e-mail when mail is configured). Running it again the
/// same day, or concurrently, notifies nobody twice: each reminder is a unique (action, kind, period) row.
/// The same pass notifies the <see cref="QualityAlerts"/> (indicators, labels, self-assessment deadlines), each
/// unique per person through <see cref="Notification.EventKey"/>. Nobody gets a kind they switched off.</summary>
public sealed class ActionReminderJob(AppDbContext db, TimeProvider clock, IMailSender mail, MailOptions mailOptions, QualityAlerts qualityAlerts, LinkGenerator links,
    ILogger<ActionReminderJob> logger)
{
    public const string Scheduled = "planifié";

    private sealed record Recipient(string UserId, string Email, string FullName, int StructureId, MembershipRole Role, int? ServiceId);

    private sealed record Sent(Recipient Recipient, NotificationKind Kind, string Title, string Url, DateOnly? DueDate);

    public async Task<ReminderRun> RunAsync(string trigger, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var run = new ReminderRun { StartedAt = clock.GetUtcNow().UtcDateTime, Day = today, Trigger = trigger };
        var actions = db.Set<ImprovementAction>().AsNoTracking().Include(a => a.Structure).Include(a => a.Service);
        var overdue = await actions.Where(ActionDeadlines.OverdueOn(today)).ToListAsync(cancellationToken);
        var dueSoon = await actions.Where(ActionDeadlines.DueSoonOn(today)).ToListAsync(cancellationToken);
        var candidates = overdue.Select(a => (Action: a, Kind: NotificationKind.ActionOverdue))
            .Concat(dueSoon.Select(a => (Action: a, Kind: NotificationKind.ActionDueSoon)))
            .Select(c => (c.Action, c.Kind, Period: ActionReminder.PeriodOf(c.Kind, c.Action.DueDate!.Value, today)))
            .ToList();

        var ids = candidates.Select(c => c.Action.Id).ToList();
        var done = (await db.Set<ActionReminder>().AsNoTracking().Where(r => ids.Contains(r.ActionId))
                .Select(r => new { r.ActionId, r.Kind, r.Period }).ToListAsync(cancellationToken))
            .Select(r => (r.ActionId, r.Kind, r.Period)).ToHashSet();
        var recipients = await RecipientsAsync(candidates.Select(c => c.Action.Structure).ToList(), cancellationToken);
        var preferences = await NotificationPreferencesEditor.OfAsync(db, recipients.Select(r => r.UserId).Distinct().ToList(), cancellationToken);

        var sent = new List<Sent>();
        foreach (var (action, kind, period) in candidates.Where(c => !done.Contains((c.Action.Id, c.Kind, c.Period))))
        {
            var to = RecipientsOf(action, recipients).Where(r => Wants(preferences, r.UserId, kind)).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            db.Add(new ActionReminder
            {
                StructureId = action.StructureId,
                ActionId = action.Id,
                Kind = kind,
                Period = period,
                DueDate = action.DueDate,
                Recipients = to.Count,
                CreatedAt = now,
            });
            // False when another run reminded of this action for this period between our read and our write.
            if (!await SaveOnceAsync(to.Select(r => new Notification
            {
                UserId = r.UserId,
                StructureId = action.StructureId,
                Kind = kind,
                ActionId = action.Id,
                Title = TitleOf(action, kind),
                Url = UrlOf(action),
                CreatedAt = now,
            }), cancellationToken))
            {
                continue;
            }
            run.Reminders++;
            run.Notifications += to.Count;
            sent.AddRange(to.Select(r => new Sent(r, kind, TitleOf(action, kind), UrlOf(action), action.DueDate)));
        }
        await NotifyQualityAlertsAsync(today, run, sent, cancellationToken);
        run.Emails = await SendMailsAsync(sent, cancellationToken);
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Relances du {Day} ({Trigger}) : {Reminders}, {Notifications}, {Emails}.",
            Fr.Date(today), trigger, Fr.Count(run.Reminders, "relance"), Fr.Count(run.Notifications, "notification"), Fr.Count(run.Emails, "courriel"));
        return run;
    }

    public static string TitleOf(ImprovementAction action, NotificationKind kind)
    {
        var where = action.Structure.Name + (action.Service is null ? "" : $", {action.Service.Code}");
        return kind == NotificationKind.ActionOverdue
            ? $"Action en retard : « {action.Title} » ({where}) – échéance du {Fr.Date(action.DueDate)} dépassée"
            : $"Échéance proche : « {action.Title} » ({where}) – à réaliser pour le {Fr.Date(action.DueDate)}";
    }

    private string UrlOf(ImprovementAction action) => links.GetPathByPage("/ActionPlan/Details", values: new { code = action.Structure.Code, actionId = action.Id })!;

    /// <summary>Quality referents of the structure or of the prefecture that groups it, and the relay referents of the owner service.</summary>
    private static List<Recipient> RecipientsOf(ImprovementAction action, List<Recipient> all) =>
        all.Where(r => (r.Role == MembershipRole.QualityReferent && (r.StructureId == action.StructureId || r.StructureId == action.Structure.ParentId))
                || (r.Role == MembershipRole.RelayReferent && r.StructureId == action.StructureId && action.ServiceId is not null && r.ServiceId == action.ServiceId))
            .DistinctBy(r => r.UserId)
            .ToList();

    private static bool Wants(Dictionary<string, NotificationPreference> preferences, string userId, NotificationKind kind) =>
        !preferences.TryGetValue(userId, out var preference) || preference.IsOn(kind);

    /// <summary>Indicator alerts and label expiries go to the quality referents of the structure or of the prefecture that
    /// groups it; self-assessment deadlines also to the structure's relay referents, who answer the requirements. Each
    /// (person, kind, event key) is notified once: a notification already there, or written meanwhile by a concurrent
    /// run (the unique index), is skipped.</summary>
    private async Task NotifyQualityAlertsAsync(DateOnly today, ReminderRun run, List<Sent> sent, CancellationToken cancellationToken)
    {
        var alerts = await qualityAlerts.FindAsync(today, cancellationToken);
        if (alerts.Count == 0)
        {
            return;
        }
        var recipients = await RecipientsAsync(alerts.Select(a => a.Structure).ToList(), cancellationToken);
        var preferences = await NotificationPreferencesEditor.OfAsync(db, recipients.Select(r => r.UserId).Distinct().ToList(), cancellationToken);
        var keys = alerts.Select(a => a.EventKey).Distinct().ToList();
        var done = (await db.Set<Notification>().AsNoTracking().Where(n => n.EventKey != null && keys.Contains(n.EventKey))
                .Select(n => new { n.UserId, n.Kind, n.EventKey }).ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Kind, n.EventKey!)).ToHashSet();
        foreach (var alert in alerts)
        {
            var to = recipients
                .Where(r => (r.Role == MembershipRole.QualityReferent && (r.StructureId == alert.Structure.Id || r.StructureId == alert.Structure.ParentId))
                    || (alert.ToRelayReferents && r.Role == MembershipRole.RelayReferent && r.StructureId == alert.Structure.Id))
                .DistinctBy(r => r.UserId)
                .Where(r => Wants(preferences, r.UserId, alert.Kind) && !done.Contains((r.UserId, alert.Kind, alert.EventKey)))
                .ToList();
            if (to.Count == 0)
            {
                continue;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            // False when a concurrent run notified one of these people of this alert between our read and our write.
            if (!await SaveOnceAsync(to.Select(r => new Notification
            {
                UserId = r.UserId,
                StructureId = alert.Structure.Id,
                Kind = alert.Kind,
                EventKey = alert.EventKey,
                Title = Fr.Shorten(alert.Title, 500),
                Url = alert.Url,
                CreatedAt = now,
            }), cancellationToken))
            {
                continue;
            }
            run.Reminders++;
            run.Notifications += to.Count;
            sent.AddRange(to.Select(r => new Sent(r, alert.Kind, alert.Title, alert.Url, null)));
        }
    }

    /// <summary>Stores these notifications, or none when a unique key shows they were already stored.</summary>
    private async Task<bool> SaveOnceAsync(IEnumerable<Notification> notifications, CancellationToken cancellationToken)
    {
        db.AddRange(notifications);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<List<Recipient>> RecipientsAsync(List<Structure> structures, CancellationToken cancellationToken)
    {
        var structureIds = structures.Select(s => s.Id)
            .Concat(structures.Where(s => s.ParentId is not null).Select(s => s.ParentId!.Value))
            .Distinct().ToList();
        return await db.Memberships.AsNoTracking()
            .Where(m => structureIds.Contains(m.StructureId) && (m.Role == MembershipRole.QualityReferent || m.Role == MembershipRole.RelayReferent))
            .Select(m => new Recipient(m.UserId, m.User.Email ?? "", m.User.FullName, m.StructureId, m.Role, m.ServiceId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One e-mail per person, listing what this run reminded them of. A mail failure is logged and
    /// does not undo the in-app notifications.</summary>
    private async Task<int> SendMailsAsync(List<Sent> sent, CancellationToken cancellationToken)
    {
        if (!mail.IsConfigured)
        {
            return 0;
        }
        var count = 0;
        foreach (var group in sent.Where(s => s.Recipient.Email.Length > 0).GroupBy(s => s.Recipient.UserId))
        {
            var recipient = group.First().Recipient;
            var items = group.OrderBy(s => s.Kind == NotificationKind.ActionOverdue ? -1 : (int)s.Kind).ThenBy(s => s.DueDate).ToList();
            var late = items.Count(s => s.Kind == NotificationKind.ActionOverdue);
            var actions = items.Count(s => s.Kind.Topic() == NotificationTopic.Actions);
            var body = new StringBuilder()
                .AppendLine($"Bonjour {recipient.FullName},")
                .AppendLine()
                .AppendLine(actions == items.Count
                    ? items.Count == 1 ? "Une action du plan d'action demande votre attention :" : $"{items.Count} actions du plan d'action demandent votre attention :"
                    : items.Count == 1 ? "Un point de la démarche qualité demande votre attention :" : $"{items.Count} points de la démarche qualité demandent votre attention :")
                .AppendLine();
            foreach (var item in items)
            {
                body.AppendLine($"- {item.Title}")
                    .AppendLine($"  {mailOptions.Link(item.Url)}");
            }
            body.AppendLine()
                .AppendLine(actions == items.Count ? "Mettez à jour leur avancement ou leur échéance dans Quali-Pilote." : "Retrouvez-les dans vos notifications de Quali-Pilote.")
                .AppendLine()
                .AppendLine("-- ")
                .AppendLine("Quali-Pilote – message automatique, merci de ne pas y répondre.")
                .AppendLine($"Choisir les notifications que vous recevez : {mailOptions.Link(links.GetPathByPage("/Notifications/Preferences")!)}");
            var subject = actions == items.Count
                ? $"Quali-Pilote : {Fr.Count(items.Count, "action")} à suivre" + (late > 0 ? $" dont {late} en retard" : "")
                : $"Quali-Pilote : {Fr.Count(items.Count, "notification")}" + (late > 0 ? $" dont {Fr.Count(late, "action")} en retard" : "");
            try
            {
                await mail.SendAsync(new OutgoingMail(recipient.Email, recipient.FullName, subject, body.ToString()), cancellationToken);
                count++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Courriel de relance non envoyé à {Email}.", recipient.Email);
            }
        }
        return count;
    }
}
