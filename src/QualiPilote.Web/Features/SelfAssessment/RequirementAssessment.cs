using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>One line of the self-assessment grid: a requirement's status in a campaign, the comment
/// (the justification when not applicable), its evidence, and who assessed it when.</summary>
public class RequirementAssessment : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public SelfAssessmentCampaign Campaign { get; set; } = null!;
    public int StructureId { get; set; }
    public int RequirementId { get; set; }
    public Requirement Requirement { get; set; } = null!;
    /// <summary>Null until someone assesses the requirement in this campaign.</summary>
    public AssessmentStatus? Status { get; set; }
    public string? Comment { get; set; }
    public string? AssessedById { get; set; }
    public string? AssessedByName { get; set; }
    public DateTime? AssessedAt { get; set; }
    /// <summary>The answer was copied from last year's campaign and nobody has confirmed it this year.</summary>
    public bool CarriedOver { get; set; }
    /// <summary>The improvement action this gap became (the action points back with its OriginKind and OriginId). A campaign
    /// that copies last year's answers copies this id too: the action's origin stays the row of the year it was raised.</summary>
    public int? ActionId { get; set; }
    public ImprovementAction? Action { get; set; }
    /// <summary>Incremented at each save: a form posted on an older version is refused instead of overwriting.</summary>
    public int Version { get; set; }
    public List<AssessmentEvidence> Evidence { get; set; } = [];

    internal sealed class Configuration : IEntityTypeConfiguration<RequirementAssessment>
    {
        public void Configure(EntityTypeBuilder<RequirementAssessment> builder)
        {
            builder.ToTable("RequirementAssessments");
            builder.Property(a => a.Status).HasMaxLength(20);
            builder.Property(a => a.Comment).HasMaxLength(2000);
            builder.Property(a => a.AssessedById).HasMaxLength(450);
            builder.Property(a => a.AssessedByName).HasMaxLength(200);
            builder.Property(a => a.Version).IsConcurrencyToken();
            builder.HasIndex(a => new { a.CampaignId, a.RequirementId }).IsUnique();
            builder.HasOne(a => a.Campaign).WithMany(c => c.Assessments).OnDelete(DeleteBehavior.Cascade);
            // A requirement disappears only when an administrator re-imports its referential version with fewer
            // requirements; its assessments go with it (the audit trail keeps them). See docs/adr/0020.
            builder.HasOne(a => a.Requirement).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(a => a.Action).WithMany().OnDelete(DeleteBehavior.SetNull);
            builder.HasOne<Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.NoAction);
        }
    }
}
