using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Audits;

/// <summary>An internal or external audit of a structure against one referential version: who audited
/// (body, auditors), when, on which modules and services, and what it found.</summary>
public class Audit : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public AuditKind Kind { get; set; }
    /// <summary>The auditing body: "Socotec", "AFNOR Certification", or the internal team.</summary>
    public string Body { get; set; } = "";
    public int ReferentialId { get; set; }
    public Referential Referential { get; set; } = null!;
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Names of the auditors, as the report gives them.</summary>
    public string? Auditors { get; set; }
    /// <summary>The auditor's Quali-Pilote account (an auditor member of the structure): they read the audit and record its
    /// findings. Null when the auditor has no account.</summary>
    public string? AuditorUserId { get; set; }
    public AppUser? AuditorAccount { get; set; }
    /// <summary>The audit's conclusion (label granted, follow-up asked…).</summary>
    public string? Conclusion { get; set; }
    /// <summary>The audit report, kept by the file store and served only through the audit's authorised endpoint.</summary>
    public string? ReportKey { get; set; }
    public string? ReportFileName { get; set; }
    public string? ReportContentType { get; set; }
    public long? ReportLength { get; set; }
    public string? ReportSha256 { get; set; }
    public DateTime? ReportUploadedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<AuditModule> Modules { get; set; } = [];
    public List<AuditService> Services { get; set; } = [];
    public List<AuditFinding> Findings { get; set; } = [];

    /// <summary>The audit's step on the labelling timeline, kept in step with its dates by <see cref="AuditEditor"/>.</summary>
    public List<Milestone> Milestones { get; set; } = [];

    public string Title => $"{Kind.Label()} {Body} du {Fr.Date(StartDate)}";

    public void SetReport(StoredFile report, DateTime uploadedAt)
    {
        ReportKey = report.Key;
        ReportFileName = report.FileName;
        ReportContentType = report.ContentType;
        ReportLength = report.Length;
        ReportSha256 = report.Sha256;
        ReportUploadedAt = uploadedAt;
    }

    internal sealed class Configuration : IEntityTypeConfiguration<Audit>
    {
        public void Configure(EntityTypeBuilder<Audit> builder)
        {
            builder.ToTable("Audits");
            builder.Property(a => a.Kind).HasMaxLength(20);
            builder.Property(a => a.Body).HasMaxLength(200);
            builder.Property(a => a.Auditors).HasMaxLength(500);
            builder.Property(a => a.Conclusion).HasMaxLength(4000);
            builder.Property(a => a.ReportKey).HasMaxLength(100);
            builder.Property(a => a.ReportFileName).HasMaxLength(260);
            builder.Property(a => a.ReportContentType).HasMaxLength(150);
            builder.Property(a => a.ReportSha256).HasMaxLength(64);
            builder.HasIndex(a => new { a.StructureId, a.StartDate });
            builder.HasOne(a => a.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(a => a.Referential).WithMany().OnDelete(DeleteBehavior.Restrict);
            builder.HasOne(a => a.AuditorAccount).WithMany().HasForeignKey(a => a.AuditorUserId).OnDelete(DeleteBehavior.SetNull);
            builder.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.AuditId).OnDelete(DeleteBehavior.SetNull);
            builder.Ignore(a => a.Title);
        }
    }
}
