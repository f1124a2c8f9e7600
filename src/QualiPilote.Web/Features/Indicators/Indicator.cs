using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>A measured figure of the quality approach. The shipped catalogue (<see cref="StructureId"/> null) is shared by every
/// structure and its codes are part of the API; a quality referent adds the structure's own indicators (entered by hand).</summary>
public class Indicator
{
    public int Id { get; set; }
    /// <summary>The structure that created this indicator; null for the national catalogue.</summary>
    public int? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    public IndicatorUnit Unit { get; set; }
    public IndicatorPeriodicity Periodicity { get; set; }
    public IndicatorDirection Direction { get; set; }
    public IndicatorSource Source { get; set; }
    /// <summary>National alert threshold, in the indicator's unit; a structure can set its own.</summary>
    public double? AlertThreshold { get; set; }
    public int SortOrder { get; set; }
    public List<IndicatorEngagement> Engagements { get; set; } = [];
    public List<NationalTarget> NationalTargets { get; set; } = [];

    public bool IsComputed => Source != IndicatorSource.Manual;

    internal sealed class Configuration : IEntityTypeConfiguration<Indicator>
    {
        public void Configure(EntityTypeBuilder<Indicator> builder)
        {
            builder.ToTable("Indicators");
            builder.Property(i => i.Code).HasMaxLength(60);
            builder.Property(i => i.Label).HasMaxLength(200);
            builder.Property(i => i.Description).HasMaxLength(1000);
            builder.Property(i => i.Unit).HasMaxLength(12);
            builder.Property(i => i.Periodicity).HasMaxLength(12);
            builder.Property(i => i.Direction).HasMaxLength(16);
            builder.Property(i => i.Source).HasMaxLength(30);
            builder.HasIndex(i => new { i.Code, i.StructureId }).IsUnique();
            builder.HasOne(i => i.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.Ignore(i => i.IsComputed);
        }
    }
}

public enum IndicatorUnit
{
    Percent,
    Count,
    Days,
}

public enum IndicatorPeriodicity
{
    Monthly,
    Quarterly,
    Yearly,
}

public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>Where the values come from: a register (kept current by the imports) or hand entry.</summary>
public enum IndicatorSource
{
    Manual,
    CorrespondenceMail,
    CorrespondenceEmail,
    CorrespondenceComplaint,
    Calls,
    AttendanceReception,
    AttendancePan,
}

public static class IndicatorLabels
{
    public static string Label(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Count => "nombre",
        _ => "jours",
    };

    public static string Label(this IndicatorPeriodicity periodicity) => periodicity switch
    {
        IndicatorPeriodicity.Monthly => "Mensuelle",
        IndicatorPeriodicity.Quarterly => "Trimestrielle",
        _ => "Annuelle",
    };

    public static string Label(this IndicatorDirection direction) =>
        direction == IndicatorDirection.HigherIsBetter ? "Plus haut est mieux" : "Plus bas est mieux";

    public static string Label(this IndicatorSource source) => source switch
    {
        IndicatorSource.CorrespondenceMail => "Registre des courriers",
        IndicatorSource.CorrespondenceEmail => "Registre des courriels",
        IndicatorSource.CorrespondenceComplaint => "Registre des réclamations",
        IndicatorSource.Calls => "Registre des appels (autocommutateur)",
        IndicatorSource.AttendanceReception => "Registre de fréquentation (accueil général)",
        IndicatorSource.AttendancePan => "Registre de fréquentation (PAN)",
        _ => "Saisie manuelle",
    };
}
