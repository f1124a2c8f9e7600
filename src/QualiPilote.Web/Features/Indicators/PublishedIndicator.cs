using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Indicators;

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
