using Microsoft.AspNetCore.Authorization;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

[Authorize(Policy = Policies.StructureManage)]
public class ImportAttendanceModel(StructureAccess access, AttendanceImporter importer) : ImportPage(access)
{
    protected override Task<RegisterImportResult> ImportAsync(Stream file, string fileName) =>
        importer.ImportAsync(Structure, User, file, fileName, HttpContext.RequestAborted);
}
