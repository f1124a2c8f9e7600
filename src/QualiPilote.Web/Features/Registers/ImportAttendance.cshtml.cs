using Microsoft.AspNetCore.Authorization;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Registers;

[Authorize(Policy = Policies.StructureManage)]
public class ImportAttendanceModel(StructureAccess access, StagedImports staged, AttendanceImporter importer) : ImportPage(access, staged, RegisterKind.Attendance)
{
    protected override Task<RegisterImportResult> ImportAsync(Stream file, string fileName, bool reviewed) =>
        importer.ImportAsync(Structure, User, file, fileName, reviewed, HttpContext.RequestAborted);
}
