using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Registers;

/// <summary>What the three register import pages share: the upload, the result or the errors of the file, and the review of a
/// file that looks out of line: it is kept server side (<see cref="StagedImports"/>) and stored only when the user confirms.</summary>
[RequestSizeLimit(RegistersApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RegistersApi.MaxUploadBytes)]
public abstract class ImportPage(StructureAccess access, StagedImports staging, RegisterKind register) : StructurePageModel(access)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The id of the file waiting for confirmation (hidden field of the confirmation form).</summary>
    [BindProperty]
    public string? Staged { get; set; }

    public RegisterImportResult? Result { get; private set; }

    public StagedImports.Staged? Pending { get; private set; }

    public RegisterKind Register => register;

    protected abstract Task<RegisterImportResult> ImportAsync(Stream file, string fileName, bool reviewed);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Fichier : joignez un fichier CSV ou XLSX.");
            return Page();
        }
        await using (var stream = Upload.OpenReadStream())
        {
            Result = await ImportAsync(stream, Upload.FileName, reviewed: true);
        }
        if (Result.NeedsConfirmation)
        {
            await using var again = Upload.OpenReadStream();
            Pending = await staging.StageAsync(again, Upload.FileName, UserId!, Structure.Id, register, HttpContext.RequestAborted);
            return Page();
        }
        return Done();
    }

    /// <summary>Stores the file kept for confirmation, as it is (no second review).</summary>
    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var pending = staging.Find(Staged, UserId, Structure.Id, register);
        await using var file = pending is null ? null : staging.Take(pending);
        if (file is null)
        {
            ModelState.AddModelError("", "Le fichier en attente de confirmation n'existe plus (gardé une heure, ou déjà enregistré ou annulé) : rien n'a été enregistré, importez-le à nouveau.");
            return Page();
        }
        Result = await ImportAsync(file, pending!.FileName, reviewed: false);
        return Done();
    }

    public IActionResult OnPostCancel()
    {
        if (staging.Find(Staged, UserId, Structure.Id, register) is { } pending)
        {
            staging.Discard(pending);
        }
        TempData["Success"] = "Import abandonné : rien n'a été enregistré et le fichier en attente a été supprimé.";
        return Redirect(Request.Path);
    }

    private IActionResult Done()
    {
        if (!Result!.Succeeded)
        {
            ModelState.AddModelError("", Result.Summary + " Le détail figure ci-dessous.");
            return Page();
        }
        TempData["Success"] = Result.Summary;
        return RedirectToPage("/Registers/Index", new { code = Structure.Code });
    }
}
