using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Audits;

/// <summary>What an audit found, per engagement: a non-conformity, a sensitive point, a track for progress or a strength.
/// A finding that calls for work becomes an improvement action, kept in <see cref="ActionId"/> (the action links back by URL).</summary>
public class AuditFinding : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public int AuditId { get; set; }
    public Audit Audit { get; set; } = null!;
    public FindingType Type { get; set; }
    /// <summary>The engagement the finding is about; null for a finding on the approach as a whole.</summary>
    public int? EngagementId { get; set; }
    public Engagement? Engagement { get; set; }
    public int? ServiceId { get; set; }
    public Service? Service { get; set; }
    public string Description { get; set; } = "";
    public int? ActionId { get; set; }
    public ImprovementAction? Action { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AuditFinding>
    {
        public void Configure(EntityTypeBuilder<AuditFinding> builder)
        {
            builder.ToTable("AuditFindings");
            builder.Property(f => f.Type).HasMaxLength(30);
            builder.Property(f => f.Description).HasMaxLength(4000);
            builder.HasOne(f => f.Audit).WithMany(a => a.Findings).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(f => f.Engagement).WithMany().OnDelete(DeleteBehavior.Restrict);
            builder.HasOne(f => f.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
            builder.HasOne(f => f.Action).WithMany().OnDelete(DeleteBehavior.SetNull);
            builder.HasIndex(f => f.StructureId);
        }
    }
}

public enum FindingType
{
    MajorNonConformity,
    MinorNonConformity,
    SensitivePoint,
    ImprovementTrack,
    Strength,
}

public static class FindingTypeLabels
{
    public static string Label(this FindingType type) => type switch
    {
        FindingType.MajorNonConformity => "Non-conformité majeure",
        FindingType.MinorNonConformity => "Non-conformité mineure",
        FindingType.SensitivePoint => "Point sensible",
        FindingType.ImprovementTrack => "Piste de progrès",
        _ => "Point fort",
    };

    public static string BadgeClass(this FindingType type) => type switch
    {
        FindingType.MajorNonConformity => "fr-badge--error",
        FindingType.MinorNonConformity => "fr-badge--warning",
        FindingType.SensitivePoint => "fr-badge--new",
        FindingType.ImprovementTrack => "fr-badge--info",
        _ => "fr-badge--success",
    };

    /// <summary>A strength calls for no work: every other finding can become an action.</summary>
    public static bool CallsForAction(this FindingType type) => type != FindingType.Strength;
}
