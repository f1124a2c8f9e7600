using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Calls presented to and answered by the structure's telephone exchange over a span of days: one day when the
/// exchange exports one row per call (the import counts them per day), or the period of a statistics row
/// (debut;fin;presentes;decroches). A span is the unit that a later import replaces, so re-importing a file changes nothing.</summary>
[NotAudited]
public class CallRecord : IStructureOwned
{
    public int StructureId { get; set; }
    public DateOnly Start { get; set; }
    /// <summary>Last day of the span, included.</summary>
    public DateOnly End { get; set; }
    public int Presented { get; set; }
    public int Answered { get; set; }
    public int BatchId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CallRecord>
    {
        public void Configure(EntityTypeBuilder<CallRecord> builder)
        {
            builder.ToTable("CallRecords");
            builder.HasKey(c => new { c.StructureId, c.Start, c.End });
        }
    }
}
