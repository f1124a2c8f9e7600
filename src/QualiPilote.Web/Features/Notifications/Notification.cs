using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>A message to one person in the app (the header shows how many are unread). Not audited: the reminder
/// that produced it is, and marking it read is no change to the quality records.</summary>
[NotAudited]
public class Notification : IStructureOwned
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public NotificationKind Kind { get; set; }
    public int? ActionId { get; set; }
    public ImprovementAction? Action { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Local address of what the notification is about.</summary>
    public string Url { get; set; } = "";
    /// <summary>What the notification is about and at which stage ("jalon-12/2025-05-24/echu"), for the kinds that are not
    /// actions: unique per person and kind, so that computing the alerts again notifies nobody twice.</summary>
    public string? EventKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Notification>
    {
        public void Configure(EntityTypeBuilder<Notification> builder)
        {
            builder.ToTable("Notifications");
            builder.Property(n => n.Kind).HasMaxLength(20);
            builder.Property(n => n.Title).HasMaxLength(500);
            builder.Property(n => n.Url).HasMaxLength(500);
            builder.Property(n => n.EventKey).HasMaxLength(200);
            builder.HasIndex(n => new { n.UserId, n.ReadAt });
            builder.HasIndex(n => new { n.UserId, n.Kind, n.EventKey }).IsUnique();
            builder.HasOne(n => n.User).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(n => n.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(n => n.Action).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}

public enum NotificationKind
{
    ActionDueSoon,
    ActionOverdue,
    IndicatorAlert,
    LabelExpiry,
    CampaignDeadline,
}

public static class NotificationKindLabels
{
    public static string Label(this NotificationKind kind) => kind switch
    {
        NotificationKind.ActionDueSoon => "Échéance proche",
        NotificationKind.ActionOverdue => "Action en retard",
        NotificationKind.IndicatorAlert => "Indicateur",
        NotificationKind.LabelExpiry => "Label",
        _ => "Auto-diagnostic",
    };

    /// <summary>The preference that switches a kind off (both action kinds go together).</summary>
    public static NotificationTopic Topic(this NotificationKind kind) => kind switch
    {
        NotificationKind.IndicatorAlert => NotificationTopic.IndicatorAlerts,
        NotificationKind.LabelExpiry => NotificationTopic.LabelExpiry,
        NotificationKind.CampaignDeadline => NotificationTopic.CampaignDeadlines,
        _ => NotificationTopic.Actions,
    };
}

/// <summary>The proof that an action was reminded of for a kind and a period: the unique index on
/// (action, kind, period) is what keeps a second run of the job, even a concurrent one, from notifying twice.
/// The period of "due soon" is the due date (moving the date calls for a new reminder); the period of "overdue"
/// is the month, so an action left overdue is reminded of once a month.</summary>
public class ActionReminder : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public int ActionId { get; set; }
    public ImprovementAction Action { get; set; } = null!;
    public NotificationKind Kind { get; set; }
    public string Period { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    public int Recipients { get; set; }
    public DateTime CreatedAt { get; set; }

    public static string PeriodOf(NotificationKind kind, DateOnly dueDate, DateOnly today) =>
        kind == NotificationKind.ActionOverdue
            ? today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
            : dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal sealed class Configuration : IEntityTypeConfiguration<ActionReminder>
    {
        public void Configure(EntityTypeBuilder<ActionReminder> builder)
        {
            builder.ToTable("ActionReminders");
            builder.Property(r => r.Kind).HasMaxLength(20);
            builder.Property(r => r.Period).HasMaxLength(10);
            builder.HasIndex(r => new { r.ActionId, r.Kind, r.Period }).IsUnique();
            builder.HasOne(r => r.Action).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}

/// <summary>One pass of the reminder job: when, what started it, what it produced (shown on the administration page).</summary>
[NotAudited]
public class ReminderRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>"planifié" or the name of the person who ran it.</summary>
    public string Trigger { get; set; } = "";
    public int Reminders { get; set; }
    public int Notifications { get; set; }
    public int Emails { get; set; }
    public string? Error { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ReminderRun>
    {
        public void Configure(EntityTypeBuilder<ReminderRun> builder)
        {
            builder.ToTable("ReminderRuns");
            builder.Property(r => r.Trigger).HasMaxLength(200);
            builder.Property(r => r.Error).HasMaxLength(2000);
            builder.HasIndex(r => r.StartedAt);
        }
    }
}
