using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The dashboard as shown (same periods and service) to Excel: a sheet of values with their counts, a sheet per service.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class ExportModel(StructureAccess access, DashboardQuery dashboards) : StructurePageModel(access)
{
    public async Task<IActionResult> OnGetAsync(string? vue, int? annee, int? debut, int? fin, string? service)
    {
        var dashboard = await dashboards.LoadAsync(Structure, vue, annee, debut, fin, service);
        var values = new Sheet("Tableau de bord",
            [new("Indicateur", 50), new("Code", 24), new("Période", 10), new("Valeur", 10, "0.00"), new("Unité", 10), new("Cible", 8, "0.00"),
             new("Statut", 16), new("Numérateur", 12), new("Dénominateur", 12), new("En attente", 10), new("Non comptés", 10),
             new("Saisie manuelle", 10), new("Commentaire", 40)],
            dashboard.Rows.SelectMany(row => row.Cells).Select(c => new object?[]
            {
                c.Indicator.Label, c.Indicator.Code, c.Period.Key, c.Value, c.Indicator.Unit.Label(), c.Target, c.Status.Label(),
                c.Numerator, c.Denominator, c.Pending, c.Excluded, c.Entered, c.Comment,
            }).ToList());
        var sheets = new List<Sheet> { values };
        var services = dashboard.Breakdown.SelectMany(row => row.Cells.OfType<IndicatorResult>().Select(c => new object?[]
        {
            row.Service.Code, c.Indicator.Label, c.Period.Key, c.Value, c.Numerator, c.Denominator, c.Pending, c.Excluded,
        })).ToList();
        if (services.Count > 0)
        {
            sheets.Add(new Sheet("Par service",
                [new("Service", 10), new("Indicateur", 50), new("Période", 10), new("Valeur", 10, "0.00"), new("Dans le délai", 12),
                 new("Comptés", 10), new("En attente", 10), new("Non comptés", 10)],
                services));
        }
        var buffer = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(buffer, sheets, HttpContext.RequestAborted);
        return File(buffer.ToArray(), SpreadsheetWriter.XlsxContentType,
            $"indicateurs-{Structure.Code}-{dashboard.Periods[0].Key}-{dashboard.Periods[^1].Key}.xlsx");
    }
}
