using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>"This evidence supports that requirement in that campaign."</summary>
public class AssessmentEvidence : IStructureOwned
{
    public int AssessmentId { get; set; }
    public RequirementAssessment Assessment { get; set; } = null!;
    public int EvidenceId { get; set; }
    public Evidence Evidence { get; set; } = null!;
    public int StructureId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AssessmentEvidence>
    {
        public void Configure(EntityTypeBuilder<AssessmentEvidence> builder)
        {
            builder.ToTable("AssessmentEvidence");
            builder.HasKey(l => new { l.AssessmentId, l.EvidenceId });
            builder.HasOne(l => l.Assessment).WithMany(a => a.Evidence).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(l => l.Evidence).WithMany(e => e.Assessments).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
