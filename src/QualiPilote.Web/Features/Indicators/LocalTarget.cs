using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>A structure's own target and alert threshold for an indicator, from a year on (the seed: "objectif cible local 80 %").</summary>
public class LocalTarget : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int FromYear { get; set; }
    public double? Target { get; set; }
    public double? AlertThreshold { get; set; }
    public int Version { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<LocalTarget>
    {
        public void Configure(EntityTypeBuilder<LocalTarget> builder)
        {
            builder.ToTable("LocalTargets");
            builder.HasIndex(t => new { t.StructureId, t.IndicatorId, t.FromYear }).IsUnique();
            builder.HasOne(t => t.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(t => t.Indicator).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}
