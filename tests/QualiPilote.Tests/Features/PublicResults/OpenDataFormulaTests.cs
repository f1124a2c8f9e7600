using System.Net;
using System.Text;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.PublicResults;

/// <summary>The tester's case: a local indicator whose label is a spreadsheet formula, once published, must come out of the
/// anonymous open data as text, in the standard CSV and in its Excel twin.</summary>
public class OpenDataFormulaTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    [Fact]
    public async Task A_published_label_that_is_a_formula_comes_out_of_the_csv_and_the_xlsx_as_text()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var settings = await referent.GetPageAsync("/structures/pref-73/indicateurs/reglages");
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(settings, "form[action*='handler=Create']", new()
        {
            ["Input.Code"] = "piege",
            ["Input.Label"] = Formula,
            ["Input.Unit"] = "Count",
            ["Input.Periodicity"] = "Quarterly",
            ["Input.Direction"] = "HigherIsBetter",
        })).StatusCode);
        var entry = await referent.GetPageAsync("/structures/pref-73/indicateurs/piege/saisie?periode=2026-T3");
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(entry, "main form", new() { ["Input.Value"] = "12" })).StatusCode);
        settings = await referent.GetPageAsync("/structures/pref-73/indicateurs/reglages");
        var published = settings.QuerySelectorAll("input[name=Published]").Where(i => i.HasAttribute("checked") || i.Id == "publie-piege").Select(i => i.GetAttribute("value")!);
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(settings, "form[action*='handler=Publish']", new() { ["Published"] = string.Join('\n', published) })).StatusCode);

        using var visitor = Browser.Anonymous(factory);
        var csv = Encoding.UTF8.GetString(await (await visitor.GetAsync("/resultats/pref-73/donnees.csv")).Content.ReadAsByteArrayAsync());
        var line = csv.Split("\r\n").Single(l => l.StartsWith("pref-73,piege,", StringComparison.Ordinal) && l.Contains("2026-T3", StringComparison.Ordinal));
        Assert.Equal("pref-73,piege,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-T3,12,nombre,,,", line[..line.LastIndexOf(',')] + ",");

        using var xlsx = await visitor.GetAsync("/resultats/pref-73/donnees.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("resultats-pref-73.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        var rows = Xlsx.Sheets(await xlsx.Content.ReadAsByteArrayAsync())[0];
        var row = rows.Single(r => r[1] == "piege" && r[3] == "2026-T3");
        Assert.Equal("'" + Formula, row[2]);
        Assert.Equal("12", row[4]);
        Assert.Equal(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length, rows.Count);
    }
}
