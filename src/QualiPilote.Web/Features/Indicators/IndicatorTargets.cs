using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;
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

/// <summary>"This structure publishes that indicator" on its public results page, poster and open data.</summary>
public class PublishedIndicator : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;

    internal sealed class Configuration : IEntityTypeConfiguration<PublishedIndicator>
    {
        public void Configure(EntityTypeBuilder<PublishedIndicator> builder)
        {
            builder.ToTable("PublishedIndicators");
            builder.HasIndex(p => new { p.StructureId, p.IndicatorId }).IsUnique();
            builder.HasOne(p => p.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(p => p.Indicator).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}
