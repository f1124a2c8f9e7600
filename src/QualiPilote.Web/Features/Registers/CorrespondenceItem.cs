using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Registers;

/// <summary>One line of the correspondence register: a letter, e-mail or complaint, when it came and when it was answered.
/// Rows arrive by the million, so they are not audited one by one: <see cref="BatchId"/> names the import (or form entry)
/// that last wrote the row, and that batch is audited. No foreign keys either: PostgreSQL checks them with a trigger per row,
/// which triples a bulk load; the importer checks the structure and the service instead (docs/adr/0011-register-imports.md).</summary>
[NotAudited]
public class CorrespondenceItem : IStructureOwned
{
    public int StructureId { get; set; }
    /// <summary>The structure's own number for the item, unique within the structure: importing it again updates the row.</summary>
    public string Reference { get; set; } = "";
    public int ServiceId { get; set; }
    public CorrespondenceChannel Channel { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    /// <summary>Last day to answer on time, from the structure's deadline in force on <see cref="ReceivedOn"/>.</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>False when the sender left no usable address: no answer is possible, the item is left out of the rate.</summary>
    public bool HasContact { get; set; } = true;
    /// <summary>False for items outside the followed perimeter (the seed counts general information requests only).</summary>
    public bool InPerimeter { get; set; } = true;
    public int BatchId { get; set; }

    public const string Table = "CorrespondenceItems";
    public const int ReferenceMaxLength = 60;

    /// <summary>Counted in the rate: in the perimeter and answerable.</summary>
    public bool IsCounted => HasContact && InPerimeter;

    public CorrespondenceStatus StatusOn(DateOnly today) =>
        !IsCounted ? CorrespondenceStatus.Excluded
        : AnsweredOn is { } answered ? (answered <= DueOn ? CorrespondenceStatus.OnTime : CorrespondenceStatus.Late)
        : today > DueOn ? CorrespondenceStatus.Late : CorrespondenceStatus.Pending;

    internal sealed class Configuration : IEntityTypeConfiguration<CorrespondenceItem>
    {
        public void Configure(EntityTypeBuilder<CorrespondenceItem> builder)
        {
            builder.ToTable(Table);
            builder.HasKey(i => new { i.StructureId, i.Reference });
            builder.Property(i => i.Reference).HasMaxLength(ReferenceMaxLength);
            builder.Property(i => i.Channel).HasMaxLength(12);
            // Every save of a line stamps a new batch: the form's correction is refused if the line was saved since it was read.
            builder.Property(i => i.BatchId).IsConcurrencyToken();
            // The rows behind one dashboard cell: a structure and a reception period. A BRIN index on PostgreSQL costs
            // almost nothing to maintain during bulk loads (rows arrive in date order); SQLite ignores the method.
            builder.HasIndex(i => new { i.StructureId, i.ReceivedOn }).HasMethod("brin");
            builder.Ignore(i => i.IsCounted);
        }
    }
}

public enum CorrespondenceStatus
{
    OnTime,
    Late,
    Pending,
    Excluded,
}

public static class CorrespondenceStatusLabels
{
    public static string Label(this CorrespondenceStatus status) => status switch
    {
        CorrespondenceStatus.OnTime => "Dans le délai",
        CorrespondenceStatus.Late => "Hors délai",
        CorrespondenceStatus.Pending => "En attente (délai en cours)",
        _ => "Non compté",
    };
}
