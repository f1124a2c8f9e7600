using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The response deadline a structure announces for a channel, from a date on (the seed's change from 15 to 10 days in 2020).
/// Items take the deadline in force on their reception date. Without any, the defaults apply (10 working days, 5 for e-mail).</summary>
public class ResponseDeadline : IStructureOwned, IVersioned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public CorrespondenceChannel Channel { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int Days { get; set; }
    /// <summary>Working days (weekends and public holidays excluded) or calendar days.</summary>
    public bool WorkingDays { get; set; } = true;
    public int Version { get; set; }

    public string Describe() => $"{Days} jours {(WorkingDays ? "ouvrés" : "calendaires")}";

    internal sealed class Configuration : IEntityTypeConfiguration<ResponseDeadline>
    {
        public void Configure(EntityTypeBuilder<ResponseDeadline> builder)
        {
            builder.ToTable("ResponseDeadlines");
            builder.Property(d => d.Channel).HasMaxLength(12);
            builder.HasIndex(d => new { d.StructureId, d.Channel, d.EffectiveFrom }).IsUnique();
            builder.HasOne(d => d.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}
