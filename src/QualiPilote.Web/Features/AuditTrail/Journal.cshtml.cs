using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>A structure's journal of changes, in French, filtered by record type, author and period, and its Excel export.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class JournalModel(StructureAccess access, AuditTrailQuery query, JournalPresenter presenter, JournalExporter exporter, TimeProvider clock)
    : StructurePageModel(access)
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
            ? await View.ExportAsync(exporter, Structure.Id, Structure.Code, $"Journal des modifications – {Structure.Name}", clock.Today(), HttpContext.RequestAborted)
            : Invalid();
    }

    private async Task LoadAsync() =>
        View = await JournalView.LoadAsync(query, presenter, Structure.Id, Url.Page("/AuditTrail/Journal", new { code = Structure.Code })!, Request.Query, HttpContext.RequestAborted);

    /// <summary>The page with its French messages, answered 400: the address asked for a period that does not exist.</summary>
    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
