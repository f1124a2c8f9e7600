using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>An indicator value below its target that a referent turned into an improvement action: the value and target as
/// they were, and the action (the action links back to the drill-down by URL, this record links forward by key).</summary>
public class IndicatorAlert : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public string Period { get; set; } = "";
    public double Value { get; set; }
    public double Target { get; set; }
    public int? ActionId { get; set; }
    public ImprovementAction? Action { get; set; }
    public DateTime RaisedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<IndicatorAlert>
    {
        public void Configure(EntityTypeBuilder<IndicatorAlert> builder)
        {
            builder.ToTable("IndicatorAlerts");
            builder.Property(a => a.Period).HasMaxLength(10);
            builder.HasIndex(a => new { a.StructureId, a.IndicatorId, a.Period }).IsUnique();
            builder.HasOne(a => a.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(a => a.Indicator).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(a => a.Action).WithMany().OnDelete(DeleteBehavior.SetNull);
        }
    }
}
