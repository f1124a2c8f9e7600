using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Structures;

/// <summary>An organisation that runs the quality approach and can be labelled.
/// A prefecture groups its department's structures (sub-prefectures, SGCD, DDI) through <see cref="ParentId"/>.</summary>
public class Structure : IStructureOwned
{
    public int Id { get; set; }
    /// <summary>URL and API key, e.g. "pref-73".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public StructureType Type { get; set; }
    /// <summary>Department number as written in France ("73", "2A", "974").</summary>
    public string Department { get; set; } = "";
    public int? ParentId { get; set; }
    public Structure? Parent { get; set; }
    public List<Structure> Children { get; set; } = [];
    public List<Service> Services { get; set; } = [];

    int IStructureOwned.StructureId => Id;

    internal sealed class Configuration : IEntityTypeConfiguration<Structure>
    {
        public void Configure(EntityTypeBuilder<Structure> builder)
        {
            builder.Property(s => s.Code).HasMaxLength(60);
            builder.Property(s => s.Name).HasMaxLength(200);
            builder.Property(s => s.Department).HasMaxLength(3);
            builder.Property(s => s.Type).HasMaxLength(20);
            builder.HasIndex(s => s.Code).IsUnique();
            builder.HasOne(s => s.Parent).WithMany(s => s.Children).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
