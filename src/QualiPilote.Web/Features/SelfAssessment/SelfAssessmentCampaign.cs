using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>A structure's self-assessment of one year, on its perimeter for one referential version.
/// While open it follows the perimeter (a module added later gets its rows); once the quality referent
/// closes it, it is frozen: what an auditor reads is what was closed.</summary>
public class SelfAssessmentCampaign : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public int Year { get; set; }
    public int ReferentialId { get; set; }
    public Referential Referential { get; set; } = null!;
    public DateTime StartedAt { get; set; }
    public string StartedByName { get; set; } = "";
    /// <summary>The year whose answers were copied at the start, if any.</summary>
    public int? CopiedFromYear { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedByName { get; set; }
    /// <summary>The quality referent's words when closing (review remarks, COPIL that validated it).</summary>
    public string? ClosingNote { get; set; }
    public int Version { get; set; }
    public List<RequirementAssessment> Assessments { get; set; } = [];

    public bool IsClosed => ClosedAt is not null;

    internal sealed class Configuration : IEntityTypeConfiguration<SelfAssessmentCampaign>
    {
        public void Configure(EntityTypeBuilder<SelfAssessmentCampaign> builder)
        {
            builder.ToTable("SelfAssessmentCampaigns");
            builder.Property(c => c.StartedByName).HasMaxLength(200);
            builder.Property(c => c.ClosedByName).HasMaxLength(200);
            builder.Property(c => c.ClosingNote).HasMaxLength(2000);
            builder.HasIndex(c => new { c.StructureId, c.Year }).IsUnique();
            builder.HasOne(c => c.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(c => c.Referential).WithMany().OnDelete(DeleteBehavior.Restrict);
            builder.Ignore(c => c.IsClosed);
        }
    }
}
