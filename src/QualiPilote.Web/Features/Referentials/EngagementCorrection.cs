using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>A typo corrected in an engagement of a referential version that campaigns already use (such a version is
/// otherwise frozen, docs/adr/0035). Written once with the corrected texts, never edited; shown on the engagement's
/// page, and journaled with the text's before and after.</summary>
public class EngagementCorrection
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement Engagement { get; set; } = null!;
    public DateTime CorrectedAt { get; set; }
    public string CorrectedBy { get; set; } = "";
    public string Reason { get; set; } = "";

    internal sealed class Configuration : IEntityTypeConfiguration<EngagementCorrection>
    {
        public void Configure(EntityTypeBuilder<EngagementCorrection> builder)
        {
            builder.ToTable("EngagementCorrections");
            builder.Property(c => c.CorrectedBy).HasMaxLength(256);
            builder.Property(c => c.Reason).HasMaxLength(500);
            builder.HasOne(c => c.Engagement).WithMany(e => e.Corrections).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
