using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>The journal of national data (referentials, Services Publics + correspondences, accounts), like a structure's.</summary>
[Authorize(Policy = Policies.NationalAdmin)]
public class NationalJournalModel(AuditTrailQuery query, JournalPresenter presenter, JournalExporter exporter, TimeProvider clock) : PageModel
{
    public JournalView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return View.IsValid ? Page() : Invalid();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        await LoadAsync();
        return View.IsValid
            ? await View.ExportAsync(exporter, null, "national", "Journal des modifications nationales", clock.Today(), HttpContext.RequestAborted)
            : Invalid();
    }

    private async Task LoadAsync() =>
        View = await JournalView.LoadAsync(query, presenter, null, Url.Page("/AuditTrail/NationalJournal")!, Request.Query, HttpContext.RequestAborted);

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
