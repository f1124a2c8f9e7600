using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>The public results as a poster (HTML and PDF) and as open data (CSV, JSON). No login; published indicators only.</summary>
public static class PublicResultsEndpoints
{
    /// <summary>The endpoints' names, to link to them (asp-route, LinkGenerator.GetPathByName) with a <c>code</c>.</summary>
    public const string PosterEndpoint = "PublicResults.Poster", PosterPdfEndpoint = "PublicResults.PosterPdf",
        CsvEndpoint = "PublicResults.Csv", XlsxEndpoint = "PublicResults.Xlsx", JsonEndpoint = "PublicResults.Json";

    public static void MapPublicResults(this IEndpointRouteBuilder app)
    {
        var results = app.MapGroup("/resultats/{code}").AllowAnonymous().ExcludeFromDescription();
        results.MapGet("/affiche", PosterAsync).WithName(PosterEndpoint);
        results.MapGet("/affiche.pdf", PosterPdfAsync).WithName(PosterPdfEndpoint);
        results.MapGet("/donnees.csv", CsvAsync).WithName(CsvEndpoint);
        results.MapGet("/donnees.xlsx", XlsxAsync).WithName(XlsxEndpoint);
        results.MapGet("/donnees.json", JsonAsync).WithName(JsonEndpoint);
    }

    public sealed record OpenDataRow(string Structure, string Indicator, string Label, string Period, double? Value, string Unit, double? Target, bool? Met, string? UpdatedAt);

    private static async Task<IResult> PosterAsync(string code, PublicResultsQuery query, IServiceProvider services, LinkGenerator links, HttpContext http)
    {
        var results = await query.LoadAsync(code, http.RequestAborted);
        return results is null ? NotFound(code) : Results.Content(await RenderPosterAsync(services, results, "/", PublicUrl(http, links, code)), "text/html; charset=utf-8");
    }

    private static async Task<IResult> PosterPdfAsync(string code, PublicResultsQuery query, IServiceProvider services, IPdfRenderer pdf, IWebHostEnvironment environment,
        LinkGenerator links, HttpContext http)
    {
        var results = await query.LoadAsync(code, http.RequestAborted);
        if (results is null)
        {
            return NotFound(code);
        }
        var html = await RenderPosterAsync(services, results, null, PublicUrl(http, links, code));
        try
        {
            var bytes = await pdf.RenderAsync(html, environment.WebRootPath, http.RequestAborted);
            return Results.File(bytes, "application/pdf", $"resultats-{code}.pdf");
        }
        catch (PdfUnavailableException e)
        {
            return Results.Content($"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Affiche indisponible</title></head><body><h1>Affiche PDF indisponible</h1><p>{System.Net.WebUtility.HtmlEncode(e.Message)}</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(links.GetPathByName(http, PosterEndpoint, new { code }))}\">Version imprimable de l'affiche</a></p></body></html>",
                "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> CsvAsync(string code, PublicResultsQuery query, HttpContext http)
    {
        var results = await query.LoadAsync(code, http.RequestAborted);
        if (results is null)
        {
            return NotFound(code);
        }
        var file = new MemoryStream();
        await SpreadsheetWriter.WriteCsvAsync(file, OpenDataSheet(results), cancellationToken: http.RequestAborted);
        return Results.File(file.ToArray(), SpreadsheetWriter.CsvContentType, $"resultats-{code}.csv");
    }

    /// <summary>The open data for French Excel, which reads the standard CSV (comma, decimal point) as one column of text.</summary>
    private static async Task<IResult> XlsxAsync(string code, PublicResultsQuery query, HttpContext http)
    {
        var results = await query.LoadAsync(code, http.RequestAborted);
        if (results is null)
        {
            return NotFound(code);
        }
        var file = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(file, [OpenDataSheet(results)], http.RequestAborted);
        return Results.File(file.ToArray(), SpreadsheetWriter.XlsxContentType, $"resultats-{code}.xlsx");
    }

    /// <summary>The open-data columns: the names of the standard CSV, unchanged since it was first published.</summary>
    private static Sheet OpenDataSheet(PublicResultsQuery.Results results) =>
        new("resultats",
            [new("structure", 12), new("indicateur", 24), new("libelle", 50), new("periode", 10), new("valeur", 10, "0.00"), new("unite", 8),
             new("cible", 8, "0.00"), new("atteint", 8), new("mis_a_jour", 22)],
            Rows(results).Select(r => new object?[] { r.Structure, r.Indicator, r.Label, r.Period, r.Value, r.Unit, r.Target, r.Met, r.UpdatedAt }));

    private static async Task<IResult> JsonAsync(string code, PublicResultsQuery query, HttpContext http)
    {
        var results = await query.LoadAsync(code, http.RequestAborted);
        if (results is null)
        {
            return NotFound(code);
        }
        return Results.Json(new
        {
            structure = new { code = results.Structure.Code, name = results.Structure.Name },
            generatedAt = results.GeneratedAt,
            indicators = Rows(results),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    private static IEnumerable<OpenDataRow> Rows(PublicResultsQuery.Results results) =>
        results.Rows.SelectMany(row => row.Figures.Select(r => new OpenDataRow(results.Structure.Code, r.Indicator.Code, r.Indicator.Label,
            r.Period.Key, r.Value, r.Indicator.Unit switch { IndicatorUnit.Percent => "%", IndicatorUnit.Days => "jours", _ => "nombre" },
            r.Target, r.Met, row.UpdatedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))));

    private static async Task<string> RenderPosterAsync(IServiceProvider services, PublicResultsQuery.Results results, string? baseHref, string publicUrl)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<Poster>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(Poster.Results)] = results,
                [nameof(Poster.BaseHref)] = baseHref,
                [nameof(Poster.PublicUrl)] = publicUrl,
            }));
            return output.ToHtmlString();
        });
        return "<!DOCTYPE html>\n" + html;
    }

    private static string PublicUrl(HttpContext http, LinkGenerator links, string code) =>
        $"{http.Request.Scheme}://{http.Request.Host}{links.GetPathByPage(http, "/PublicResults/Results", values: new { code })}";

    private static IResult NotFound(string code) =>
        Results.Content($"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Structure inconnue</title></head><body><p>Aucune structure n'a le code « {System.Net.WebUtility.HtmlEncode(code)} ».</p></body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
}
