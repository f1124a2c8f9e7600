using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>A proof that requirements are met. It belongs to the structure, not to one requirement or one year:
/// the same COPIL minutes serve several requirements, and last year's evidence is carried into this year's campaign.</summary>
public class Evidence : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public EvidenceKind Kind { get; set; }
    public string Title { get; set; } = "";

    /// <summary>For a file: its key in the <see cref="IFileStore"/> and what the user uploaded.</summary>
    public string? FileKey { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? FileLength { get; set; }
    public string? FileSha256 { get; set; }

    public string? Url { get; set; }

    /// <summary>For an indicator: its code in the indicator catalogue ("delai-courriers") and the period ("2026", "2026-T2", "2026-05").</summary>
    public string? IndicatorCode { get; set; }
    public string? IndicatorPeriod { get; set; }

    /// <summary>For a managed document: the version and date that make the reference unambiguous until the
    /// document base exists; then the reference points at its version.</summary>
    public string? DocumentVersion { get; set; }
    public DateOnly? DocumentDate { get; set; }

    public string AddedById { get; set; } = "";
    public string AddedByName { get; set; } = "";
    public DateTime AddedAt { get; set; }

    public List<AssessmentEvidence> Assessments { get; set; } = [];

    /// <summary>What the evidence is, in one line, after its title ("fichier PDF, 120 Ko", "indicateur … 2026-T2").</summary>
    public string Detail => Kind switch
    {
        EvidenceKind.File => $"{FileName} ({Size(FileLength ?? 0)})",
        EvidenceKind.Url => Url ?? "",
        EvidenceKind.Indicator => $"{IndicatorCode}, période {IndicatorPeriod}",
        _ => string.Join(", ", new[] { DocumentVersion is null ? null : $"version {DocumentVersion}", DocumentDate is null ? null : $"du {Fr.Date(DocumentDate)}" }.OfType<string>()),
    };

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} octets",
        < 1024 * 1024 => $"{Fr.Number(bytes / 1024.0)} Ko",
        _ => $"{Fr.Number(bytes / (1024.0 * 1024), 1)} Mo",
    };

    internal sealed class Configuration : IEntityTypeConfiguration<Evidence>
    {
        public void Configure(EntityTypeBuilder<Evidence> builder)
        {
            builder.ToTable("Evidence");
            builder.Property(e => e.Kind).HasMaxLength(20);
            builder.Property(e => e.Title).HasMaxLength(300);
            builder.Property(e => e.FileKey).HasMaxLength(100);
            builder.Property(e => e.FileName).HasMaxLength(255);
            builder.Property(e => e.ContentType).HasMaxLength(150);
            builder.Property(e => e.FileSha256).HasMaxLength(64);
            builder.Property(e => e.Url).HasMaxLength(1000);
            builder.Property(e => e.IndicatorCode).HasMaxLength(60);
            builder.Property(e => e.IndicatorPeriod).HasMaxLength(20);
            builder.Property(e => e.DocumentVersion).HasMaxLength(60);
            builder.Property(e => e.AddedById).HasMaxLength(450);
            builder.Property(e => e.AddedByName).HasMaxLength(200);
            builder.HasIndex(e => new { e.StructureId, e.Kind });
            builder.HasOne(e => e.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.Ignore(e => e.Detail);
        }
    }
}
