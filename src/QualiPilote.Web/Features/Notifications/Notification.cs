using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
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
