using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>One of the 8 interministerial Services Publics + engagements.</summary>
public class SpPlusCommitment : IVersioned
{
    public int Id { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public List<SpPlusMapping> Mappings { get; set; } = [];
    /// <summary>Raised by every change of its correspondences, whatever the referential version.</summary>
    public int Version { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<SpPlusCommitment>
    {
        public void Configure(EntityTypeBuilder<SpPlusCommitment> builder)
        {
            builder.Property(c => c.Text).HasMaxLength(1000);
            builder.HasIndex(c => c.Number).IsUnique();
        }
    }
}
