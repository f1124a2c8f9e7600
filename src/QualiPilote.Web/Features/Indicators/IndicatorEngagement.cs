using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>"This indicator serves that engagement" (and through the engagement, its Services Publics + commitments).</summary>
public class IndicatorEngagement
{
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int EngagementId { get; set; }
    public Engagement Engagement { get; set; } = null!;

    internal sealed class Configuration : IEntityTypeConfiguration<IndicatorEngagement>
    {
        public void Configure(EntityTypeBuilder<IndicatorEngagement> builder)
        {
            builder.ToTable("IndicatorEngagements");
            builder.HasKey(e => new { e.IndicatorId, e.EngagementId });
            builder.HasOne(e => e.Indicator).WithMany(i => i.Engagements).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(e => e.Engagement).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}
