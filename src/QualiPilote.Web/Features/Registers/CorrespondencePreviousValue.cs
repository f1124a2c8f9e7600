using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>A correspondence row as it was before an import updated it: what undoing that import writes back. Rows the import
/// inserted need nothing (they carry its batch and are deleted). Kept until the import is undone; the batch itself is audited.</summary>
[NotAudited]
public class CorrespondencePreviousValue
{
    public int BatchId { get; set; }
    public int StructureId { get; set; }
    public string Reference { get; set; } = "";
    public int ServiceId { get; set; }
    public CorrespondenceChannel Channel { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public DateOnly DueOn { get; set; }
    public bool HasContact { get; set; }
    public bool InPerimeter { get; set; }
    /// <summary>The batch that had written the row before.</summary>
    public int PreviousBatchId { get; set; }

    public const string Table = "CorrespondencePreviousValues";

    internal sealed class Configuration : IEntityTypeConfiguration<CorrespondencePreviousValue>
    {
        public void Configure(EntityTypeBuilder<CorrespondencePreviousValue> builder)
        {
            builder.ToTable(Table);
            builder.HasKey(p => new { p.BatchId, p.Reference });
            builder.Property(p => p.Reference).HasMaxLength(CorrespondenceItem.ReferenceMaxLength);
            builder.Property(p => p.Channel).HasMaxLength(12);
        }
    }
}
