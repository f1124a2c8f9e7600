using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Notifications;

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
