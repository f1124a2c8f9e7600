using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>A sub-engagement ("attendu de l'auditeur"): the unit a self-assessment scores.</summary>
public class Requirement
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement Engagement { get; set; } = null!;
    /// <summary>Position within the engagement: requirement 2 of engagement 15 reads "15.2".</summary>
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public bool OfficialTextMissing { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Requirement>
    {
        public void Configure(EntityTypeBuilder<Requirement> builder)
        {
            builder.Property(r => r.Text).HasMaxLength(4000);
            builder.HasIndex(r => new { r.EngagementId, r.Number }).IsUnique();
            builder.HasOne(r => r.Engagement).WithMany(e => e.Requirements).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
