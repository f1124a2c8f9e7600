using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Audits;

/// <summary>The audit report, served only here (never from the web root) and always as a download.</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class ReportModel(StructureAccess access, AuditEditor editor, IFileStore files) : StructurePageModel(access)
{
    public async Task<IActionResult> OnGetAsync(int auditId)
    {
        var audit = await editor.FindAsync(Structure.Id, auditId);
        if (audit?.ReportKey is null)
        {
            return NotFound();
        }
        return File(files.OpenRead(audit.ReportKey), FileTypes.Of(audit.ReportFileName), audit.ReportFileName);
    }
}
