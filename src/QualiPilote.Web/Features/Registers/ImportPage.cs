using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>What the three register import pages share: the upload, and the result or the errors of the file.</summary>
[RequestSizeLimit(RegistersApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RegistersApi.MaxUploadBytes)]
public abstract class ImportPage(StructureAccess access) : StructurePageModel(access)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public RegisterImportResult? Result { get; private set; }

    protected abstract Task<RegisterImportResult> ImportAsync(Stream file, string fileName);

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
        await using var stream = Upload.OpenReadStream();
        Result = await ImportAsync(stream, Upload.FileName);
        if (!Result.Succeeded)
        {
            ModelState.AddModelError("", Result.Summary + " Le détail figure ci-dessous.");
            return Page();
        }
        TempData["Success"] = Result.Summary;
        return Redirect($"/structures/{Structure.Code}/registres");
    }
}
