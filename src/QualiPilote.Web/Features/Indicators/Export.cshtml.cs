using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The dashboard as shown (same periods and service) to Excel: a sheet of values with their counts, a sheet per service.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class ExportModel(StructureAccess access, DashboardQuery dashboards) : StructurePageModel(access)
{
    public async Task<IActionResult> OnGetAsync(string? vue, int? annee, int? debut, int? fin, string? service)
    {
        var dashboard = await dashboards.LoadAsync(Structure, vue, annee, debut, fin, service);
        var values = dashboard.Rows.SelectMany(row => row.Cells).Select(c => new Dictionary<string, object?>
        {
            ["Indicateur"] = c.Indicator.Label,
            ["Code"] = c.Indicator.Code,
            ["Période"] = c.Period.Key,
            ["Valeur"] = c.Value,
            ["Unité"] = c.Indicator.Unit.Label(),
            ["Cible"] = c.Target,
            ["Statut"] = c.Status.Label(),
            ["Numérateur"] = c.Numerator,
            ["Dénominateur"] = c.Denominator,
            ["En attente"] = c.Pending,
            ["Non comptés"] = c.Excluded,
            ["Saisie manuelle"] = c.Entered ? "oui" : "non",
            ["Commentaire"] = c.Comment,
        }).ToList();
        var sheets = new Dictionary<string, object> { ["Tableau de bord"] = values };
        var services = dashboard.Breakdown.SelectMany(row => row.Cells.OfType<IndicatorResult>().Select(c => new Dictionary<string, object?>
        {
            ["Service"] = row.Service.Code,
            ["Indicateur"] = c.Indicator.Label,
            ["Période"] = c.Period.Key,
            ["Valeur"] = c.Value,
            ["Dans le délai"] = c.Numerator,
            ["Comptés"] = c.Denominator,
            ["En attente"] = c.Pending,
            ["Non comptés"] = c.Excluded,
        })).ToList();
        if (services.Count > 0)
        {
            sheets["Par service"] = services;
        }
        var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheets);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"indicateurs-{Structure.Code}-{dashboard.Periods[0].Key}-{dashboard.Periods[^1].Key}.xlsx");
    }
}
