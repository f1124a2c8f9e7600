using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Audits;

/// <summary>"This audit visited that service."</summary>
public class AuditService : IStructureOwned
{
    public int AuditId { get; set; }
    public Audit Audit { get; set; } = null!;
    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public int StructureId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AuditService>
    {
        public void Configure(EntityTypeBuilder<AuditService> builder)
        {
            builder.ToTable("AuditServices");
            builder.HasKey(s => new { s.AuditId, s.ServiceId });
            builder.HasOne(s => s.Audit).WithMany(a => a.Services).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(s => s.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        }
    }
}
