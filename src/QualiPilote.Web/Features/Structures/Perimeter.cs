using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Structures;

/// <summary>The labelling perimeter of a structure for one referential version:
/// which modules it committed to, which services deploy each, and which decision fixed it.</summary>
public class Perimeter : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public int ReferentialId { get; set; }
    public Referential Referential { get; set; } = null!;
    public DateOnly DecidedOn { get; set; }
    /// <summary>The body that decided, e.g. "COPIL de lancement".</summary>
    public string DecidedBy { get; set; } = "";
    public List<PerimeterModule> Modules { get; set; } = [];
    public int Version { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Perimeter>
    {
        public void Configure(EntityTypeBuilder<Perimeter> builder)
        {
            builder.Property(p => p.DecidedBy).HasMaxLength(200);
            builder.HasIndex(p => new { p.StructureId, p.ReferentialId }).IsUnique();
            builder.HasOne(p => p.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(p => p.Referential).WithMany().OnDelete(DeleteBehavior.Restrict);
        }
    }
}
