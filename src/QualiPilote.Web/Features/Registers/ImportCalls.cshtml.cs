using Microsoft.AspNetCore.Authorization;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

[Authorize(Policy = Policies.StructureManage)]
public class ImportCallsModel(StructureAccess access, CallsImporter importer) : ImportPage(access)
{
    protected override Task<RegisterImportResult> ImportAsync(Stream file, string fileName) =>
        importer.ImportAsync(Structure, User, file, fileName, HttpContext.RequestAborted);
}
