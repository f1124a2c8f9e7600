using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>One version of a quality referential (Quali-ATE 2024, Qual-e-pref 2017…).
/// Everything assessed against it points at this version, never at "the latest".</summary>
public class Referential
{
    public int Id { get; set; }
    /// <summary>Stable slug shared by every version, e.g. "quali-ate".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>How many "métier" modules a structure must choose (Quali-ATE asks for two).</summary>
    public int RequiredBusinessModules { get; set; }
    public string? Notice { get; set; }
    public List<Module> Modules { get; set; } = [];

    public string Label => $"{Name} {Version}";

    internal sealed class Configuration : IEntityTypeConfiguration<Referential>
    {
        public void Configure(EntityTypeBuilder<Referential> builder)
        {
            builder.Property(r => r.Code).HasMaxLength(60);
            builder.Property(r => r.Name).HasMaxLength(200);
            builder.Property(r => r.Version).HasMaxLength(60);
            builder.Property(r => r.Notice).HasMaxLength(2000);
            builder.HasIndex(r => new { r.Code, r.Version }).IsUnique();
            builder.Ignore(r => r.Label);
        }
    }
}
