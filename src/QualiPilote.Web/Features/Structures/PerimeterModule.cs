using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.Structures;

/// <summary>A module a structure committed to, with the services that deploy it.</summary>
public class PerimeterModule : IStructureOwned
{
    public int Id { get; set; }
    public int PerimeterId { get; set; }
    public Perimeter Perimeter { get; set; } = null!;
    public int StructureId { get; set; }
    public int ModuleId { get; set; }
    public Module Module { get; set; } = null!;
    public List<PerimeterModuleService> Services { get; set; } = [];

    internal sealed class Configuration : IEntityTypeConfiguration<PerimeterModule>
    {
        public void Configure(EntityTypeBuilder<PerimeterModule> builder)
        {
            builder.HasIndex(m => new { m.PerimeterId, m.ModuleId }).IsUnique();
            builder.HasOne(m => m.Perimeter).WithMany(p => p.Modules).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(m => m.Module).WithMany().OnDelete(DeleteBehavior.Restrict);
            builder.HasOne<Structure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.NoAction);
        }
    }
}
