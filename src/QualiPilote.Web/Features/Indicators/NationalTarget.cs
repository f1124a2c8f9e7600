using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The national target of an indicator from a year on (until a later row), set by the national administrators.</summary>
public class NationalTarget : IVersioned
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int FromYear { get; set; }
    public double Value { get; set; }
    public int Version { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<NationalTarget>
    {
        public void Configure(EntityTypeBuilder<NationalTarget> builder)
        {
            builder.ToTable("NationalTargets");
            builder.HasIndex(t => new { t.IndicatorId, t.FromYear }).IsUnique();
            builder.HasOne(t => t.Indicator).WithMany(i => i.NationalTargets).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
