using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The national target of the Services Publics + self-diagnostic for a year: the share of the
/// engagements a structure should have implemented. National administrators edit them; a year without
/// its own target uses the latest earlier one.</summary>
public class SpPlusTarget : IVersioned
{
    public int Year { get; set; }
    /// <summary>In points: 50 means 50 %.</summary>
    public double Percent { get; set; }
    /// <summary>Where the figure comes from (circular, annual review).</summary>
    public string? Source { get; set; }
    public int Version { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<SpPlusTarget>
    {
        public void Configure(EntityTypeBuilder<SpPlusTarget> builder)
        {
            builder.ToTable("SpPlusTargets");
            builder.Property(t => t.Source).HasMaxLength(500);
            // The year is the key: one target per year, and seeded rows need no database-generated id.
            builder.HasKey(t => t.Year);
            builder.Property(t => t.Year).ValueGeneratedNever();
            // The figures of the Savoie prefecture's 2023 review (seed 001) and quality policy (seed 004).
            builder.HasData(
                new SpPlusTarget { Year = 2023, Percent = 50, Source = "Année de référence 2023 : 50 % de mise en œuvre des engagements (bilan 2023 de la préfecture de la Savoie)." },
                new SpPlusTarget { Year = 2026, Percent = 100, Source = "Le programme SP+ doit être mis en œuvre dans sa totalité en 2026 (politique qualité de la préfecture de la Savoie, avril 2024)." });
        }
    }
}
