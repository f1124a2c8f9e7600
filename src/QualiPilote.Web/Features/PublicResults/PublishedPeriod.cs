using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>A quarter or a year whose figures a quality referent made public (the seed's « tableau mis à jour trimestriellement »):
/// the public page, the poster and the open data show the latest published quarter and year, never figures an import has just
/// changed and nobody has checked.</summary>
public class PublishedPeriod : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    /// <summary>Period key: "2026-T3" or "2025".</summary>
    public string Period { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";

    internal sealed class Configuration : IEntityTypeConfiguration<PublishedPeriod>
    {
        public void Configure(EntityTypeBuilder<PublishedPeriod> builder)
        {
            builder.ToTable("PublishedPeriods");
            builder.Property(p => p.Period).HasMaxLength(10);
            builder.Property(p => p.PublishedBy).HasMaxLength(256);
            builder.HasIndex(p => new { p.StructureId, p.Period }).IsUnique();
            builder.HasOne(p => p.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}
