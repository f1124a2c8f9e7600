using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>"This SP+ engagement is delivered through that referential engagement" (editable by an administrator).</summary>
public class SpPlusMapping
{
    public int SpPlusCommitmentId { get; set; }
    public SpPlusCommitment SpPlusCommitment { get; set; } = null!;
    public int EngagementId { get; set; }
    public Engagement Engagement { get; set; } = null!;

    internal sealed class Configuration : IEntityTypeConfiguration<SpPlusMapping>
    {
        public void Configure(EntityTypeBuilder<SpPlusMapping> builder)
        {
            builder.HasKey(m => new { m.SpPlusCommitmentId, m.EngagementId });
            builder.HasOne(m => m.SpPlusCommitment).WithMany(c => c.Mappings).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(m => m.Engagement).WithMany(e => e.SpPlusMappings).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
