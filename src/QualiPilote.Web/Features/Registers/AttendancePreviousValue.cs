using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>A monthly visitor count before an import replaced it, written back if that import is undone.</summary>
[NotAudited]
public class AttendancePreviousValue
{
    public int BatchId { get; set; }
    public int StructureId { get; set; }
    public DateOnly Month { get; set; }
    public AttendanceSite Site { get; set; }
    public AttendanceCategory Category { get; set; }
    public int Visitors { get; set; }
    public int PreviousBatchId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AttendancePreviousValue>
    {
        public void Configure(EntityTypeBuilder<AttendancePreviousValue> builder)
        {
            builder.ToTable("AttendancePreviousValues");
            builder.HasKey(p => new { p.BatchId, p.Month, p.Site, p.Category });
            builder.Property(p => p.Site).HasMaxLength(20);
            builder.Property(p => p.Category).HasMaxLength(30);
        }
    }
}
