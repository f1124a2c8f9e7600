using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Structures;

/// <summary>"This service deploys that module of the perimeter."</summary>
public class PerimeterModuleService : IStructureOwned
{
    public int PerimeterModuleId { get; set; }
    public PerimeterModule PerimeterModule { get; set; } = null!;
    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public int StructureId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PerimeterModuleService>
    {
        public void Configure(EntityTypeBuilder<PerimeterModuleService> builder)
        {
            builder.HasKey(s => new { s.PerimeterModuleId, s.ServiceId });
            builder.HasOne(s => s.PerimeterModule).WithMany(m => m.Services).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(s => s.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        }
    }
}
