using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Notifications;

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
