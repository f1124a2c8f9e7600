using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The only way to an uploaded evidence file: signed in, with at least auditor access to its structure.
/// It is sent as an attachment under the name the user gave it, never rendered inline by the browser.</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class EvidenceFileModel(StructureAccess access, AppDbContext db, IFileStore files) : StructurePageModel(access)
{
    public async Task<IActionResult> OnGetAsync(int evidenceId)
    {
        var evidence = await db.Set<Evidence>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.StructureId == Structure.Id);
        if (evidence?.FileKey is null)
        {
            return NotFound();
        }
        try
        {
            return File(files.OpenRead(evidence.FileKey), FileTypes.Of(evidence.FileName), evidence.FileName);
        }
        catch (FileNotFoundException)
        {
            return NotFound();
        }
    }
}
