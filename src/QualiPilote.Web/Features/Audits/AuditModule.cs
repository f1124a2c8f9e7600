using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Audits;

/// <summary>"This audit covered that module."</summary>
public class AuditModule : IStructureOwned
{
    public int AuditId { get; set; }
    public Audit Audit { get; set; } = null!;
    public int ModuleId { get; set; }
    public Module Module { get; set; } = null!;
    public int StructureId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AuditModule>
    {
        public void Configure(EntityTypeBuilder<AuditModule> builder)
        {
            builder.ToTable("AuditModules");
            builder.HasKey(m => new { m.AuditId, m.ModuleId });
            builder.HasOne(m => m.Audit).WithMany(a => a.Modules).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(m => m.Module).WithMany().OnDelete(DeleteBehavior.Restrict);
            builder.HasIndex(m => m.StructureId);
        }
    }
}
