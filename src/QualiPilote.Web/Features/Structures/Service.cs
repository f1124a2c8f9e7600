using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Structures;

/// <summary>A direction, service or bureau inside a structure (DCL, DS, Cabinet, SGCD/BRH…):
/// it owns registers and actions, and deploys perimeter modules.</summary>
public class Service : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    /// <summary>Short code used in imports and URLs, unique within the structure ("DCL", "SGCD-BRH").</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    public string Label => $"{Code} – {Name}";

    internal sealed class Configuration : IEntityTypeConfiguration<Service>
    {
        public void Configure(EntityTypeBuilder<Service> builder)
        {
            builder.Property(s => s.Code).HasMaxLength(30);
            builder.Property(s => s.Name).HasMaxLength(200);
            builder.HasIndex(s => new { s.StructureId, s.Code }).IsUnique();
            builder.HasOne(s => s.Structure).WithMany(s => s.Services).OnDelete(DeleteBehavior.Cascade);
            builder.Ignore(s => s.Label);
        }
    }
}
