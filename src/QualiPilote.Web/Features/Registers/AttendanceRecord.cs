using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Visitors counted in a month at a site, by request type (the seed's monthly count at the general reception and the PAN).</summary>
[NotAudited]
public class AttendanceRecord : IStructureOwned
{
    public int StructureId { get; set; }
    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; set; }
    public AttendanceSite Site { get; set; }
    public AttendanceCategory Category { get; set; }
    public int Visitors { get; set; }
    public int BatchId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AttendanceRecord>
    {
        public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
        {
            builder.ToTable("AttendanceRecords");
            builder.HasKey(a => new { a.StructureId, a.Month, a.Site, a.Category });
            builder.Property(a => a.Site).HasMaxLength(20);
            builder.Property(a => a.Category).HasMaxLength(30);
        }
    }
}

public enum AttendanceSite
{
    GeneralReception,
    Pan,
}

/// <summary>Request types counted at the PAN (the seed: cartes grises, permis de conduire, CNI/passeport, SIA, étrangers, autres).</summary>
public enum AttendanceCategory
{
    Unspecified,
    VehicleRegistration,
    DrivingLicence,
    IdentityDocuments,
    Sia,
    Foreigners,
    Other,
}

public static class AttendanceLabels
{
    public static string Label(this AttendanceSite site) => site == AttendanceSite.Pan ? "Point d'accès numérique (PAN)" : "Accueil général";

    public static string FileValue(this AttendanceSite site) => site == AttendanceSite.Pan ? "pan" : "accueil-general";

    public static string IndicatorCode(this AttendanceSite site) => site == AttendanceSite.Pan ? "frequentation-pan" : "frequentation-accueil";

    public static string Label(this AttendanceCategory category) => category switch
    {
        AttendanceCategory.VehicleRegistration => "Cartes grises",
        AttendanceCategory.DrivingLicence => "Permis de conduire",
        AttendanceCategory.IdentityDocuments => "CNI et passeport",
        AttendanceCategory.Sia => "SIA (armes)",
        AttendanceCategory.Foreigners => "Étrangers",
        AttendanceCategory.Other => "Autres",
        _ => "Non précisé",
    };

    public static string FileValue(this AttendanceCategory category) => category switch
    {
        AttendanceCategory.VehicleRegistration => "cartes-grises",
        AttendanceCategory.DrivingLicence => "permis-de-conduire",
        AttendanceCategory.IdentityDocuments => "cni-passeport",
        AttendanceCategory.Sia => "sia",
        AttendanceCategory.Foreigners => "etrangers",
        AttendanceCategory.Other => "autres",
        _ => "",
    };

    public static bool TryParseSite(string? text, out AttendanceSite site)
    {
        switch (TextKey.Normalize(text))
        {
            case "accueil_general" or "accueil":
                site = AttendanceSite.GeneralReception;
                return true;
            case "pan" or "point_d_acces_numerique":
                site = AttendanceSite.Pan;
                return true;
            default:
                site = default;
                return false;
        }
    }

    public static bool TryParseCategory(string? text, out AttendanceCategory category)
    {
        var key = TextKey.Normalize(text);
        foreach (var candidate in Enum.GetValues<AttendanceCategory>())
        {
            if (TextKey.Normalize(candidate.FileValue()) == key)
            {
                category = candidate;
                return true;
            }
        }
        category = key switch
        {
            "carte_grise" => AttendanceCategory.VehicleRegistration,
            "permis" => AttendanceCategory.DrivingLicence,
            "cni" or "passeport" or "cni_psp" => AttendanceCategory.IdentityDocuments,
            "etranger" => AttendanceCategory.Foreigners,
            "autre" => AttendanceCategory.Other,
            _ => (AttendanceCategory)(-1),
        };
        return Enum.IsDefined(category);
    }
}
