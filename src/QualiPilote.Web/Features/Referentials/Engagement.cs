using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>A numbered service promise. Numbers run across the whole referential
/// ("Engagement 15" is unique in Quali-ATE 2024), so the referential id is kept here for that uniqueness.</summary>
public class Engagement : IVersioned
{
    public int Id { get; set; }
    public int ReferentialId { get; set; }
    public Referential Referential { get; set; } = null!;
    public int ModuleId { get; set; }
    public Module Module { get; set; } = null!;
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public bool OfficialTextMissing { get; set; }
    public List<Requirement> Requirements { get; set; } = [];
    public List<SpPlusMapping> SpPlusMappings { get; set; } = [];
    public List<EngagementCorrection> Corrections { get; set; } = [];
    public int Version { get; set; }

    public string Label => $"Engagement {Number}";

    internal sealed class Configuration : IEntityTypeConfiguration<Engagement>
    {
        public void Configure(EntityTypeBuilder<Engagement> builder)
        {
            builder.Property(e => e.Text).HasMaxLength(2000);
            builder.HasIndex(e => new { e.ReferentialId, e.Number }).IsUnique();
            builder.HasOne(e => e.Referential).WithMany().HasForeignKey(e => e.ReferentialId).OnDelete(DeleteBehavior.NoAction);
            builder.HasOne(e => e.Module).WithMany(m => m.Engagements).OnDelete(DeleteBehavior.Cascade);
            builder.Ignore(e => e.Label);
        }
    }
}
