using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>A call span's counts before an import replaced them, written back if that import is undone.</summary>
[NotAudited]
public class CallPreviousValue
{
    public int BatchId { get; set; }
    public int StructureId { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public int Presented { get; set; }
    public int Answered { get; set; }
    public int PreviousBatchId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CallPreviousValue>
    {
        public void Configure(EntityTypeBuilder<CallPreviousValue> builder)
        {
            builder.ToTable("CallPreviousValues");
            builder.HasKey(p => new { p.BatchId, p.Start, p.End });
        }
    }
}
