using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Imports monthly visitor counts (mois;site;categorie;nombre), all or nothing. A month, site and request type already
/// stored is replaced, so re-importing a file changes nothing.</summary>
public sealed class AttendanceImporter(AppDbContext db, RegisterLock registerLock, IRegisterTallies tallies, ImportReview review, TimeProvider clock)
{
    private static readonly string[] MonthFormats = ["yyyy-MM", "MM/yyyy", "M/yyyy"];

    /// <summary>A month as typed (2023-05, 05/2023) or as a spreadsheet's date cell holding it (2023-05-01): its first day.</summary>
    private static bool TryParseMonth(string? text, out DateOnly month)
    {
        if (DateOnly.TryParseExact(text, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            return true;
        }
        if (text is { Length: >= 10 } && FrenchDates.TryParse(text[..10], out var date) && (text.Length == 10 || text[10] == 'T'))
        {
            month = new DateOnly(date.Year, date.Month, 1);
            return true;
        }
        return false;
    }

    /// <summary>Imports without review: demo data and other system writers.</summary>
    public Task<RegisterImportResult> ImportAsync(Structure structure, ClaimsPrincipal? user, Stream upload, string fileName, CancellationToken cancellationToken = default) =>
        ImportAsync(structure, user, upload, fileName, reviewed: false, cancellationToken);

    public async Task<RegisterImportResult> ImportAsync(Structure structure, ClaimsPrincipal? user, Stream upload, string fileName, bool reviewed, CancellationToken cancellationToken)
    {
        await using var file = await RegisterUpload.OpenAsync(upload, fileName, cancellationToken);
        var today = clock.Today();
        var errors = new ImportErrors();
        var counts = new Dictionary<(DateOnly Month, AttendanceSite Site, AttendanceCategory Category), (int Visitors, int Line)>();
        int rows;
        using (var register = RegisterFile.TryOpen(file.Content, fileName, errors, cancellationToken))
        {
            if (register is null)
            {
                return errors.ToResult();
            }
            int month = register.Column("mois"), site = register.Column("site", "lieu"), category = register.Column("categorie", "type_de_demande"), number = register.Column("nombre", "usagers", "visiteurs");
            if (!register.HasColumns(errors, "mois;site;categorie;nombre", (month, "mois"), (site, "site"), (number, "nombre")))
            {
                return errors.ToResult();
            }
            while (register.Next(errors) is { } cells)
            {
                var line = register.Line;
                var monthText = RegisterFile.Cell(cells, month);
                if (!TryParseMonth(monthText, out var monthStart))
                {
                    errors.Add(line, "mois", monthText is null ? "le mois est obligatoire (aaaa-mm)." : $"« {monthText} » : aaaa-mm attendu (ex. 2023-05).");
                }
                else if (monthStart.Year < PlausibleDates.FirstYear)
                {
                    errors.Add(line, "mois", $"{monthText} est antérieur à {PlausibleDates.FirstYear} : vérifiez l'année.");
                }
                else if (monthStart > today)
                {
                    errors.Add(line, "mois", $"{monthText} est dans le futur.");
                }
                var siteText = RegisterFile.Cell(cells, site);
                if (!AttendanceLabels.TryParseSite(siteText, out var siteValue))
                {
                    errors.Add(line, "site", siteText is null ? "le site est obligatoire (accueil-general ou pan)." : $"« {siteText} » : accueil-general ou pan attendu.");
                }
                var categoryText = RegisterFile.Cell(cells, category);
                if (!AttendanceLabels.TryParseCategory(categoryText, out var categoryValue))
                {
                    errors.Add(line, "categorie", $"« {categoryText} » : vide, cartes-grises, permis-de-conduire, cni-passeport, sia, etrangers ou autres attendu.");
                }
                var visitors = RegisterFile.Count(cells, number, line, "nombre", errors);
                // After the first error nothing will be written: the rest of the file is only checked.
                if (errors.Count > 0)
                {
                    continue;
                }
                if (counts.TryGetValue((monthStart, siteValue, categoryValue), out var other))
                {
                    errors.Add(line, "categorie", $"le même mois, site et catégorie figurent déjà ligne {other.Line}.");
                }
                else
                {
                    counts[(monthStart, siteValue, categoryValue)] = (visitors!.Value, line);
                }
            }
            rows = register.Rows;
        }
        errors.CheckNotEmpty(rows);
        if (errors.Count > 0)
        {
            return errors.ToResult();
        }

        var first = counts.Keys.Min(k => k.Month);
        var last = counts.Keys.Max(k => k.Month);
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        var volumesBefore = reviewed ? await review.VolumesAsync(structure.Id, RegisterKind.Attendance, cancellationToken) : null;
        var batch = RegisterImport.New(structure.Id, RegisterKind.Attendance, fileName, user, clock);
        batch.Sha256 = await file.Sha256Async(cancellationToken);
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var existing = (await db.Set<AttendanceRecord>().Where(a => a.StructureId == structure.Id && a.Month >= first && a.Month <= last).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.Month, a.Site, a.Category));
        foreach (var (key, (visitors, _)) in counts)
        {
            if (!existing.TryGetValue(key, out var record))
            {
                db.Add(new AttendanceRecord { StructureId = structure.Id, Month = key.Month, Site = key.Site, Category = key.Category, Visitors = visitors, BatchId = batch.Id });
                batch.Imported++;
            }
            else if (record.Visitors != visitors)
            {
                db.Add(new AttendancePreviousValue
                {
                    BatchId = batch.Id,
                    StructureId = structure.Id,
                    Month = record.Month,
                    Site = record.Site,
                    Category = record.Category,
                    Visitors = record.Visitors,
                    PreviousBatchId = record.BatchId
                });
                (record.Visitors, record.BatchId) = (visitors, batch.Id);
                batch.Updated++;
            }
            else
            {
                batch.Unchanged++;
            }
        }
        batch.Rows = rows;
        await db.SaveChangesAsync(cancellationToken);
        await tallies.RebuildAttendanceAsync(structure.Id, first, last, cancellationToken);
        if (volumesBefore is not null && batch.Imported + batch.Updated > 0)
        {
            var warnings = ImportReview.VolumeWarnings(RegisterKind.Attendance, volumesBefore, await review.VolumesAsync(structure.Id, RegisterKind.Attendance, cancellationToken));
            if (warnings.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return RegisterImportResult.ToConfirm(warnings, batch.Rows, batch.Imported, batch.Updated);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new RegisterImportResult(batch, [], 0);
    }
}
