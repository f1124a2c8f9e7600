using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.AuditTrail;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One create, update or delete of domain data: who, when, what, and the values before and after
/// (JSON objects of the changed columns). Written in the same transaction as the change; never edited.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The structure the row belongs to; null for national data (referentials, users).</summary>
    public int? StructureId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AuditEntry>
    {
        public void Configure(EntityTypeBuilder<AuditEntry> builder)
        {
            builder.Property(e => e.UserName).HasMaxLength(256);
            builder.Property(e => e.Action).HasMaxLength(10);
            builder.Property(e => e.EntityType).HasMaxLength(100);
            builder.Property(e => e.EntityId).HasMaxLength(100);
            builder.HasIndex(e => new { e.StructureId, e.At });
            builder.HasIndex(e => new { e.EntityType, e.EntityId });
        }
    }
}
