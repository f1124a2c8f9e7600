using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Labelling;

/// <summary>A step of a structure's labelling timeline (rétro-planning), planned and then done.
/// The label's expiry is derived from the label obtained: <see cref="LabelValidityYears"/> years later.</summary>
public class Milestone : IStructureOwned, IVersioned
{
    /// <summary>A label is granted for three years; the external certification audit comes back every three years (seed 004: "Afnor… tous les 3 ans").</summary>
    public const int LabelValidityYears = 3;

    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public MilestoneKind Kind { get; set; }
    /// <summary>Words beside the kind, e.g. "Audit de certification AFNOR (Quali-ATE)"; the kind's label when empty.</summary>
    public string? Title { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Note { get; set; }
    /// <summary>The audit this step is, for audit milestones.</summary>
    public int? AuditId { get; set; }
    /// <summary>For a label expiry: the "label obtained" milestone it was computed from.</summary>
    public int? DerivedFromId { get; set; }
    public int Version { get; set; }
    public Milestone? DerivedFrom { get; set; }

    public string Label => string.IsNullOrWhiteSpace(Title) ? Kind.Label() : Title;

    /// <summary>The date the step sits at on the timeline.</summary>
    public DateOnly? Date => DoneOn ?? PlannedOn;

    /// <summary>Makes this milestone the expiry of a label obtained on <paramref name="obtainedOn"/>.</summary>
    public void FollowLabel(DateOnly obtainedOn)
    {
        PlannedOn = obtainedOn.AddYears(LabelValidityYears);
        Title = $"Échéance du label obtenu le {Fr.Date(obtainedOn)}";
        Note = $"{LabelValidityYears} ans après l'obtention du label : l'audit externe de renouvellement doit avoir eu lieu avant.";
    }

    public MilestoneState StateOn(DateOnly today) => this switch
    {
        { Kind: MilestoneKind.LabelExpiry } => PlannedOn < today ? MilestoneState.Expired : MilestoneState.Planned,
        { DoneOn: not null } => MilestoneState.Done,
        _ when PlannedOn < today => MilestoneState.Late,
        _ => MilestoneState.Planned,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<Milestone>
    {
        public void Configure(EntityTypeBuilder<Milestone> builder)
        {
            builder.ToTable("Milestones");
            builder.Property(m => m.Kind).HasMaxLength(30);
            builder.Property(m => m.Title).HasMaxLength(300);
            builder.Property(m => m.Note).HasMaxLength(1000);
            builder.HasIndex(m => new { m.StructureId, m.PlannedOn });
            builder.HasOne(m => m.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(m => m.DerivedFrom).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.Ignore(m => m.Label);
            builder.Ignore(m => m.Date);
        }
    }
}

public enum MilestoneKind
{
    SelfAssessmentClosed,
    InternalAudit,
    ExternalAudit,
    LabelObtained,
    LabelExpiry,
    Other,
}

public enum MilestoneState
{
    Planned,
    Late,
    Done,
    Expired,
}

public static class MilestoneLabels
{
    public static string Label(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.SelfAssessmentClosed => "Clôture de l'auto-diagnostic",
        MilestoneKind.InternalAudit => "Audit interne",
        MilestoneKind.ExternalAudit => "Audit externe",
        MilestoneKind.LabelObtained => "Obtention du label",
        MilestoneKind.LabelExpiry => "Échéance du label",
        _ => "Autre étape",
    };

    public static string Label(this MilestoneState state) => state switch
    {
        MilestoneState.Planned => "Prévue",
        MilestoneState.Late => "En retard",
        MilestoneState.Done => "Réalisée",
        _ => "Échue",
    };

    public static string BadgeClass(this MilestoneState state) => state switch
    {
        MilestoneState.Planned => "fr-badge--info",
        MilestoneState.Late => "fr-badge--error",
        MilestoneState.Done => "fr-badge--success",
        _ => "fr-badge--warning",
    };
}
