using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Registers;

public enum RegisterKind
{
    Correspondence,
    Calls,
    Attendance,
}

/// <summary>One write to a register – a file import or a form entry – with who, when, the file and its SHA-256, and the counts.
/// Register rows are not audited one by one; this record is (it appears in the structure's journal), and every row
/// points to the batch that last wrote it.</summary>
public class RegisterImport : IStructureOwned
{
    public int Id { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public RegisterKind Register { get; set; }
    /// <summary>The uploaded file's name; null for an entry made in the form.</summary>
    public string? FileName { get; set; }
    public string? Sha256 { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    public int Rows { get; set; }
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Set when a referent undid the import: its rows were removed or given back their previous values; the batch stays in the history.</summary>
    public DateTime? UndoneAt { get; set; }
    public string? UndoneByUserId { get; set; }
    public string? UndoneByName { get; set; }

    public bool IsFileImport => FileName is not null;

    public static RegisterImport New(int structureId, RegisterKind kind, string? fileName, ClaimsPrincipal? user, TimeProvider clock) => new()
    {
        StructureId = structureId,
        Register = kind,
        FileName = fileName is null ? null : Path.GetFileName(fileName),
        UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
        UserName = user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "?" : "système",
        At = clock.GetUtcNow().UtcDateTime,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<RegisterImport>
    {
        public void Configure(EntityTypeBuilder<RegisterImport> builder)
        {
            builder.ToTable("RegisterImports");
            builder.Property(i => i.Register).HasMaxLength(20);
            builder.Property(i => i.FileName).HasMaxLength(260);
            builder.Property(i => i.Sha256).HasMaxLength(64);
            builder.Property(i => i.UserId).HasMaxLength(450);
            builder.Property(i => i.UserName).HasMaxLength(256);
            builder.Property(i => i.UndoneByUserId).HasMaxLength(450);
            builder.Property(i => i.UndoneByName).HasMaxLength(256);
            builder.Ignore(i => i.IsFileImport);
            builder.HasIndex(i => new { i.StructureId, i.Register, i.At });
            builder.HasOne(i => i.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}

public static class RegisterKindLabels
{
    public static string Label(this RegisterKind kind) => kind switch
    {
        RegisterKind.Correspondence => "Registre des courriers, courriels et réclamations",
        RegisterKind.Calls => "Registre des appels",
        _ => "Registre de fréquentation",
    };
}
