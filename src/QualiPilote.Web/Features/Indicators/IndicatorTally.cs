using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Monthly counts behind a computed indicator, per service and category, kept current by every write to a register
/// so that dashboards, the API and public pages never read the registers themselves (docs/adr/0012-monthly-tallies.md).
/// Correspondence: <see cref="Numerator"/> answered on time, <see cref="Denominator"/> answered, <see cref="Excluded"/> without
/// contact or outside the perimeter; unanswered items are counted in rows carrying their <see cref="DueOn"/> date in
/// <see cref="Open"/>, because they turn from pending to late when that day passes. Calls: answered / presented.
/// Attendance: visitors in <see cref="Numerator"/>, by request type in <see cref="Category"/>.</summary>
[NotAudited]
public class IndicatorTally : IStructureOwned
{
    public long Id { get; set; }
    public int StructureId { get; set; }
    public string IndicatorCode { get; set; } = "";
    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; set; }
    public int? ServiceId { get; set; }
    public string Category { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public long Numerator { get; set; }
    public long Denominator { get; set; }
    public long Excluded { get; set; }
    public long Open { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<IndicatorTally>
    {
        public void Configure(EntityTypeBuilder<IndicatorTally> builder)
        {
            builder.ToTable("IndicatorTallies");
            builder.Property(t => t.IndicatorCode).HasMaxLength(60);
            builder.Property(t => t.Category).HasMaxLength(30);
            builder.HasIndex(t => new { t.StructureId, t.IndicatorCode, t.Month });
        }
    }
}
