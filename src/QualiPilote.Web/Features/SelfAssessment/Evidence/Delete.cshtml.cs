using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

[Authorize(Policy = Policies.StructureServiceEdit)]
public class EvidenceDeleteModel(StructureAccess access, AppDbContext db, EvidenceEditor editor) : StructurePageModel(access)
{
    public Evidence Evidence { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public int Links { get; private set; }

    public async Task<IActionResult> OnGetAsync(int evidenceId) => await LoadAsync(evidenceId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int evidenceId)
    {
        if (!await LoadAsync(evidenceId))
        {
            return NotFound();
        }
        var (_, refusal) = await editor.DeleteAsync(evidenceId, Structure, Scope);
        if (refusal is not null)
        {
            Refusal = refusal;
            return Page();
        }
        TempData["Success"] = $"Preuve « {Evidence.Title} » supprimée.";
        return RedirectToPage("/SelfAssessment/Evidence/Index", new { code = Structure.Code });
    }

    private async Task<bool> LoadAsync(int evidenceId)
    {
        var evidence = await db.Set<Evidence>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.StructureId == Structure.Id);
        if (evidence is null)
        {
            return false;
        }
        Evidence = evidence;
        Links = await db.Set<AssessmentEvidence>().CountAsync(l => l.EvidenceId == evidenceId);
        Refusal = await editor.RefusalToDeleteAsync(evidence, Structure, Scope);
        return true;
    }
}
