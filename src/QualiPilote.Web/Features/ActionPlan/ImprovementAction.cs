using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>An improvement or corrective action of a structure's action plan: what will be done, by whom, by when,
/// and where it comes from. An action raised from a record (a self-assessment gap, an audit finding, an indicator alert)
/// points at it by <see cref="OriginKind"/> and <see cref="OriginId"/>; the record keeps the action's id.</summary>
public class ImprovementAction : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public ActionOrigin Origin { get; set; }
    /// <summary>What the origin was, in words, e.g. "Délai de réponse aux courriers, T2 2026 : 72,00 % (cible 80 %)".</summary>
    public string? OriginDetail { get; set; }
    /// <summary>The kind of record the action was raised from, null for an action written by hand. Not a foreign key: the
    /// kinds live in different tables; the link back is built when a page shows it (<see cref="ActionOriginLinks"/>).</summary>
    public OriginKind? OriginKind { get; set; }
    /// <summary>The id of that record, in the table <see cref="OriginKind"/> names.</summary>
    public int? OriginId { get; set; }
    public int? ServiceId { get; set; }
    public Service? Service { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public ActionStatus Status { get; set; }
    /// <summary>Why it was abandoned (required then).</summary>
    public string? StatusReason { get; set; }
    /// <summary>Progress in percent, 0 to 100.</summary>
    public int Progress { get; set; }
    /// <summary>When the action was completed (status "réalisée").</summary>
    public DateOnly? CompletedOn { get; set; }
    /// <summary>After completion: did the indicator or the finding that caused the action improve?</summary>
    public EfficacyResult? Efficacy { get; set; }
    public string? EfficacyNote { get; set; }
    public DateOnly? EfficacyCheckedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    /// <summary>Name of the person who last changed the action, shown when someone else's edit collides with it.</summary>
    public string? UpdatedBy { get; set; }
    /// <summary>Optimistic concurrency token: incremented by every update, carried by the edit form and the API,
    /// so that two people editing the same action never silently overwrite each other.</summary>
    public int Version { get; set; }
    public List<ActionEngagement> Engagements { get; set; } = [];

    /// <summary>To start or in progress.</summary>
    public bool IsOpen => Status is ActionStatus.ToStart or ActionStatus.InProgress;

    /// <summary>The record the action was raised from, if any.</summary>
    public OriginRef? OriginRecord => OriginKind is { } kind && OriginId is { } id ? new OriginRef(kind, id) : null;

    internal sealed class Configuration : IEntityTypeConfiguration<ImprovementAction>
    {
        public void Configure(EntityTypeBuilder<ImprovementAction> builder)
        {
            builder.ToTable("ImprovementActions");
            builder.Property(a => a.Title).HasMaxLength(300);
            builder.Property(a => a.Description).HasMaxLength(4000);
            builder.Property(a => a.OriginDetail).HasMaxLength(1000);
            builder.Property(a => a.OriginKind).HasMaxLength(30);
            builder.Property(a => a.OwnerName).HasMaxLength(200);
            builder.Property(a => a.StatusReason).HasMaxLength(1000);
            builder.Property(a => a.EfficacyNote).HasMaxLength(2000);
            builder.Property(a => a.Efficacy).HasMaxLength(20);
            builder.Property(a => a.UpdatedBy).HasMaxLength(200);
            builder.Property(a => a.Version).IsConcurrencyToken();
            builder.Property(a => a.Origin).HasMaxLength(20);
            builder.Property(a => a.Status).HasMaxLength(20);
            builder.HasIndex(a => new { a.StructureId, a.Status, a.DueDate });
            builder.HasOne(a => a.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(a => a.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
            builder.Ignore(a => a.IsOpen);
            builder.Ignore(a => a.OriginRecord);
        }
    }
}
