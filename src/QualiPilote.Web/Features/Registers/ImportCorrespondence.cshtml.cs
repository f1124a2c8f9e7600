using Microsoft.AspNetCore.Authorization;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Relay referents import their own service's lines (checked line by line); quality referents any service's.</summary>
[Authorize(Policy = Policies.StructureServiceEdit)]
public class ImportCorrespondenceModel(StructureAccess access, StagedImports staged, CorrespondenceImporter importer) : ImportPage(access, staged, RegisterKind.Correspondence)
{
    protected override Task<RegisterImportResult> ImportAsync(Stream file, string fileName, bool reviewed) =>
        importer.ImportAsync(Structure, Scope, User, file, fileName, reviewed, HttpContext.RequestAborted);
}
