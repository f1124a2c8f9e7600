using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>"This action serves that engagement."</summary>
public class ActionEngagement : IStructureOwned
{
    public int ActionId { get; set; }
    public ImprovementAction Action { get; set; } = null!;
    public int EngagementId { get; set; }
    public Engagement Engagement { get; set; } = null!;
    public int StructureId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ActionEngagement>
    {
        public void Configure(EntityTypeBuilder<ActionEngagement> builder)
        {
            builder.HasKey(a => new { a.ActionId, a.EngagementId });
            builder.HasOne(a => a.Action).WithMany(a => a.Engagements).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(a => a.Engagement).WithMany().OnDelete(DeleteBehavior.Restrict);
        }
    }
}
