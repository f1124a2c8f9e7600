using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>A value entered by hand for a period, with its comment (the seed's "Année COVID"). A value replaces what the
/// registers give for that period; a comment alone annotates the computed value.</summary>
public class IndicatorValue : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    /// <summary>Period key: "2023", "2023-T2" or "2023-05" (see <see cref="Shared.Period"/>).</summary>
    public string Period { get; set; } = "";
    public double? Value { get; set; }
    public string? Comment { get; set; }
    public string EnteredBy { get; set; } = "";
    public DateTime EnteredAt { get; set; }
    public int Version { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<IndicatorValue>
    {
        public void Configure(EntityTypeBuilder<IndicatorValue> builder)
        {
            builder.ToTable("IndicatorValues");
            builder.Property(v => v.Period).HasMaxLength(10);
            builder.Property(v => v.Comment).HasMaxLength(1000);
            builder.Property(v => v.EnteredBy).HasMaxLength(256);
            builder.HasIndex(v => new { v.StructureId, v.IndicatorId, v.Period }).IsUnique();
            builder.HasOne(v => v.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(v => v.Indicator).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}
