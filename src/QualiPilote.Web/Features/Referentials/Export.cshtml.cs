using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QualiPilote.Web.Features.Referentials;

public class ExportModel(ReferentialExporter exporter) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string format)
    {
        if (!ReferentialExporter.ContentTypes.TryGetValue(format, out var contentType))
        {
            return NotFound();
        }
        var referential = await exporter.LoadAsync(id);
        if (referential is null)
        {
            return NotFound();
        }
        var buffer = new MemoryStream();
        await ReferentialExporter.WriteAsync(referential, format, buffer);
        return File(buffer.ToArray(), contentType, ReferentialExporter.FileName(referential, format));
    }
}
