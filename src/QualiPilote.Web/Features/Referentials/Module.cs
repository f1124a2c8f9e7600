using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>A group of engagements. Mandatory modules are the "socles" every structure deploys;
/// the others are "métier" modules chosen by the COPIL.</summary>
public class Module
{
    public int Id { get; set; }
    public int ReferentialId { get; set; }
    public Referential Referential { get; set; } = null!;
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public bool IsMandatory { get; set; }
    /// <summary>The official text is not public: an administrator imports it.</summary>
    public bool OfficialTextMissing { get; set; }
    public List<Engagement> Engagements { get; set; } = [];

    public string Label => $"Module {Number} – {Title}";

    internal sealed class Configuration : IEntityTypeConfiguration<Module>
    {
        public void Configure(EntityTypeBuilder<Module> builder)
        {
            builder.ToTable("Modules");
            builder.Property(m => m.Title).HasMaxLength(500);
            builder.HasIndex(m => new { m.ReferentialId, m.Number }).IsUnique();
            builder.HasOne(m => m.Referential).WithMany(r => r.Modules).OnDelete(DeleteBehavior.Cascade);
            builder.Ignore(m => m.Label);
        }
    }
}
