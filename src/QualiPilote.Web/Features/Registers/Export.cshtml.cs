using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>A register to Excel, a year at a time (all years when none is given), written row by row to a temporary file
/// so that a register of a million lines never sits in memory.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class ExportModel(StructureAccess access, AppDbContext db, TimeProvider clock) : StructurePageModel(access)
{
    public async Task<IActionResult> OnGetAsync(string register, int? annee)
    {
        var from = annee is { } y ? new DateOnly(y, 1, 1) : DateOnly.MinValue;
        var to = annee is { } z ? new DateOnly(z + 1, 1, 1) : DateOnly.MaxValue;
        var services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == Structure.Id).ToDictionaryAsync(s => s.Id, s => s.Code);
        var today = clock.Today();
        IEnumerable<Dictionary<string, object?>> rows;
        switch (register)
        {
            case "courriers":
                rows = db.Set<CorrespondenceItem>().AsNoTracking()
                    .Where(i => i.StructureId == Structure.Id && i.ReceivedOn >= from && i.ReceivedOn < to)
                    .OrderBy(i => i.ReceivedOn).ThenBy(i => i.Reference).AsEnumerable()
                    .Select(i => new Dictionary<string, object?>
                    {
                        ["reference"] = i.Reference,
                        ["service"] = services.GetValueOrDefault(i.ServiceId),
                        ["canal"] = i.Channel.FileValue(),
                        ["recu_le"] = i.ReceivedOn.ToDateTime(TimeOnly.MinValue),
                        ["repondu_le"] = i.AnsweredOn?.ToDateTime(TimeOnly.MinValue),
                        ["contact"] = i.HasContact ? "oui" : "non",
                        ["perimetre"] = i.InPerimeter ? "oui" : "non",
                        ["date_limite"] = i.DueOn.ToDateTime(TimeOnly.MinValue),
                        ["statut"] = i.StatusOn(today).Label(),
                    });
                break;
            case "appels":
                rows = db.Set<CallRecord>().AsNoTracking().Where(c => c.StructureId == Structure.Id && c.Start >= from && c.Start < to).OrderBy(c => c.Start).AsEnumerable()
                    .Select(c => new Dictionary<string, object?>
                    {
                        ["debut"] = c.Start.ToDateTime(TimeOnly.MinValue),
                        ["fin"] = c.End.ToDateTime(TimeOnly.MinValue),
                        ["presentes"] = c.Presented,
                        ["decroches"] = c.Answered,
                    });
                break;
            case "frequentation":
                rows = db.Set<AttendanceRecord>().AsNoTracking().Where(a => a.StructureId == Structure.Id && a.Month >= from && a.Month < to)
                    .OrderBy(a => a.Month).ThenBy(a => a.Site).ThenBy(a => a.Category).AsEnumerable()
                    .Select(a => new Dictionary<string, object?>
                    {
                        ["mois"] = a.Month.ToString("yyyy-MM", Fr.Culture),
                        ["site"] = a.Site.FileValue(),
                        ["categorie"] = a.Category.FileValue(),
                        ["nombre"] = a.Visitors,
                    });
                break;
            default:
                return NotFound();
        }
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await MiniExcel.SaveAsAsync(file, rows, sheetName: register);
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"registre-{register}-{Structure.Code}{(annee is null ? "" : $"-{annee}")}.xlsx");
    }
}
