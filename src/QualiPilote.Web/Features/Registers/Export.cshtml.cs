using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.Registers;

/// <summary>A register to Excel, a year at a time (all years when none is given), written row by row to a temporary file
/// so that a register of a million lines never sits in memory.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class ExportModel(StructureAccess access, AppDbContext db, TimeProvider clock) : StructurePageModel(access)
{
    public async Task<IActionResult> OnGetAsync(string register, int? annee)
    {
        var today = clock.Today();
        if (annee is { } year && !PlausibleDates.IsYear(year, today))
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/plain; charset=utf-8",
                Content = "Export impossible : " + PlausibleDates.YearMessage(year.ToString(Fr.Culture), today),
            };
        }
        var from = annee is { } y ? new DateOnly(y, 1, 1) : DateOnly.MinValue;
        var to = annee is { } z ? new DateOnly(z + 1, 1, 1) : DateOnly.MaxValue;
        var services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == Structure.Id).ToDictionaryAsync(s => s.Id, s => s.Code);
        Sheet sheet;
        switch (register)
        {
            case "courriers":
                sheet = new Sheet(register,
                    [new("reference", 20), new("service", 10), new("canal", 12), SheetColumn.Date("recu_le"), SheetColumn.Date("repondu_le"),
                     new("contact", 8), new("perimetre", 9), SheetColumn.Date("date_limite"), new("statut", 22)],
                    db.Set<CorrespondenceItem>().AsNoTracking()
                        .Where(i => i.StructureId == Structure.Id && i.ReceivedOn >= from && i.ReceivedOn < to)
                        .OrderBy(i => i.ReceivedOn).ThenBy(i => i.Reference).AsEnumerable()
                        .Select(i => new object?[]
                        {
                            i.Reference, services.GetValueOrDefault(i.ServiceId), i.Channel.FileValue(), i.ReceivedOn, i.AnsweredOn,
                            i.HasContact, i.InPerimeter, i.DueOn, i.StatusOn(today).Label(),
                        }));
                break;
            case "appels":
                sheet = new Sheet(register, [SheetColumn.Date("debut"), SheetColumn.Date("fin"), new("presentes", 10), new("decroches", 10)],
                    db.Set<CallRecord>().AsNoTracking().Where(c => c.StructureId == Structure.Id && c.Start >= from && c.Start < to).OrderBy(c => c.Start).AsEnumerable()
                        .Select(c => new object?[] { c.Start, c.End, c.Presented, c.Answered }));
                break;
            case "frequentation":
                sheet = new Sheet(register, [new("mois", 9), new("site", 16), new("categorie", 20), new("nombre", 10)],
                    db.Set<AttendanceRecord>().AsNoTracking().Where(a => a.StructureId == Structure.Id && a.Month >= from && a.Month < to)
                        .OrderBy(a => a.Month).ThenBy(a => a.Site).ThenBy(a => a.Category).AsEnumerable()
                        .Select(a => new object?[] { a.Month.ToString("yyyy-MM", Fr.Culture), a.Site.FileValue(), a.Category.FileValue(), a.Visitors }));
                break;
            default:
                return NotFound();
        }
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await SpreadsheetWriter.WriteXlsxAsync(file, [sheet], HttpContext.RequestAborted);
        file.Position = 0;
        return File(file, SpreadsheetWriter.XlsxContentType, $"registre-{register}-{Structure.Code}{(annee is null ? "" : $"-{annee}")}.xlsx");
    }
}
