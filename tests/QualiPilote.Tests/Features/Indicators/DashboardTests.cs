using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;

namespace QualiPilote.Tests.Features.Indicators;

/// <summary>The demo Savoie prefecture's dashboard shows the seed's 2020-2023 table, computed from its registers,
/// and every value leads to the rows behind it.</summary>
public class DashboardTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static string Row(IElement table, string label) =>
        table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == label).TextContent;

    [Fact]
    public async Task The_dashboard_shows_the_seed_table_with_targets_and_comments()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs?vue=annees&debut=2020&fin=2023");
        var table = page.QuerySelector("#tableau table")!;
        Assert.Equal(["Indicateur", "2020", "2021", "2022", "2023"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));

        string[] Values(string label) => table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == label)
            .QuerySelectorAll("td a.qp-value").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(["85,00 %", "85,43 %", "95,26 %", "88,20 %"], Values("Délai de réponse aux courriers").Select(v => v.Replace('\u00a0', ' ')));
        Assert.Equal(["75,50 %", "93,26 %", "86,21 %", "94,29 %"], Values("Délai de réponse aux courriels").Select(v => v.Replace('\u00a0', ' ')));
        Assert.Equal(["88,00 %", "100,00 %", "100,00 %", "100,00 %"], Values("Délai de réponse aux réclamations").Select(v => v.Replace('\u00a0', ' ')));
        Assert.Equal(["74,53 %", "89,33 %", "95,41 %", "90,81 %"], Values("Taux d'appels décrochés").Select(v => v.Replace('\u00a0', ' ')));
        Assert.Equal(["2 772", "3 250"], Values("Fréquentation de l'accueil général").Select(v => v.Replace('\u202f', ' ').Replace('\u00a0', ' ')));
        Assert.Equal(["2 581"], Values("Fréquentation des points d'accès numériques (PAN)").Select(v => v.Replace('\u202f', ' ').Replace('\u00a0', ' ')));

        Assert.Contains("Non atteint", Row(table, "Taux d'appels décrochés"), StringComparison.Ordinal); // 2020 and 2021 below 90 %

        // As in the seed: a row of national targets and a row of comments under each group of indicators.
        string[] Meta(string group, string label) => table.QuerySelectorAll("tbody")
            .Single(b => b.QuerySelector("tr.qp-group")?.TextContent.Trim() == group)
            .QuerySelectorAll("tr.qp-meta").Single(r => r.QuerySelector("th")!.TextContent.Trim() == label)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim().Replace('\u00a0', ' ')).ToArray();
        Assert.Equal(["≥ 80,00 %", "≥ 80,00 %", "≥ 80,00 %", "≥ 80,00 %"], Meta("Délais de réponse aux courriers, courriels et réclamations", "Cibles nationales"));
        Assert.Equal(["≥ 90,00 %", "≥ 90,00 %", "≥ 90,00 %", "≥ 90,00 %"], Meta("Accueil téléphonique", "Cibles nationales"));
        var comments = Meta("Accueil téléphonique", "Commentaires");
        Assert.StartsWith("Année COVID", comments[0], StringComparison.Ordinal);
        Assert.Equal("Rattachement DDETSPP-Mérande le 25/10/22", comments[2]);
        Assert.Contains("11,40", Row(table, "Taux d'engagement sur les réseaux sociaux"), StringComparison.Ordinal);

        // Each chart comes with the table of its figures.
        Assert.NotNull(page.QuerySelector("bar-chart"));
        Assert.Contains(page.QuerySelectorAll("figure table caption"), c => c.TextContent.Contains("Délai de réponse aux courriers", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("script[type=module][src^='/lib/dsfr-chart/DSFRChart.js']"));
    }

    [Fact]
    public async Task Quarters_of_a_year_and_the_service_breakdown_are_shown()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs?vue=trimestres&annee=2026");
        var table = page.QuerySelector("#tableau table")!;
        Assert.Equal(["Indicateur", "T1 2026", "T2 2026", "T3 2026", "T4 2026", "Année 2026"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var emails = Row(table, "Délai de réponse aux courriels");
        Assert.Contains("69,35", emails, StringComparison.Ordinal);
        Assert.Contains("Alerte", emails, StringComparison.Ordinal); // below the 75 % alert threshold
        Assert.Contains("5 en attente", emails, StringComparison.Ordinal);

        var services = page.QuerySelector("#services + .fr-table table")!;
        Assert.Contains(services.QuerySelectorAll("tbody th"), th => th.TextContent.Contains("DCL-BI", StringComparison.Ordinal));
        // The services' counts of the year add up to the structure's value of the year.
        var column = services.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList().IndexOf("Délai de réponse aux courriels");
        var counts = services.QuerySelectorAll("tbody tr").Select(r => r.Children[column].QuerySelectorAll("span.qp-small").Select(s => s.TextContent).LastOrDefault(t => t.Contains(" / ", StringComparison.Ordinal))?.Split(" / "))
            .OfType<string[]>().Select(c => (OnTime: long.Parse(c[0], CultureInfo.InvariantCulture), Counted: long.Parse(c[1], CultureInfo.InvariantCulture))).ToList();
        Assert.True(counts.Count >= 2, "at least two services answer emails in 2026");
        var year = Math.Round(100.0 * counts.Sum(c => c.OnTime) / counts.Sum(c => c.Counted), 2);
        var yearCell = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == "Délai de réponse aux courriels").QuerySelectorAll("td")[^1];
        Assert.Equal(year.ToString("N2", CultureInfo.GetCultureInfo("fr-FR")) + "\u00a0%", yearCell.QuerySelector("a.qp-value")!.TextContent.Trim());

        var dcl = await browser.GetPageAsync("/structures/pref-73/indicateurs?vue=annees&debut=2023&fin=2023&service=DCL");
        var rows = dcl.QuerySelectorAll("#tableau tbody tr:not(.qp-meta) th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Délai de réponse aux courriers", "Délai de réponse aux courriels", "Délai de réponse aux réclamations"], rows);
    }

    [Fact]
    public async Task A_value_opens_the_items_behind_it_late_ones_and_their_service()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs?vue=annees&debut=2020&fin=2023");
        var link = page.QuerySelectorAll("#tableau a.qp-value").First(a => a.TextContent.Contains("88,20", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal("/structures/pref-73/indicateurs/delai-courriers/2023", link);

        var detail = await browser.GetPageAsync(link);
        var text = detail.QuerySelector("main")!.TextContent;
        Assert.Contains("441 éléments répondus dans le délai sur 500", text, StringComparison.Ordinal);
        var late = await browser.GetPageAsync(link + "?statut=Late");
        Assert.Contains("59 éléments", late.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var rows = late.QuerySelectorAll("#enregistrements ~ .fr-table tbody tr").ToList();
        Assert.Equal(50, rows.Count); // first page
        Assert.All(rows, r => Assert.Contains("Hors délai", r.TextContent, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Children[1].TextContent == "DCL-BI");

        var complaints = await browser.GetPageAsync("/structures/pref-73/indicateurs/delai-reclamations/2023?statut=Excluded");
        Assert.Contains("4 éléments", complaints.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sans coordonnées", complaints.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var calls = await browser.GetPageAsync("/structures/pref-73/indicateurs/appels-decroches/2023");
        var tables = calls.QuerySelectorAll("main table");
        Assert.Equal(4, tables[tables.Length - 1].QuerySelectorAll("tbody tr").Length); // the four quarterly rows of the exchange
    }

    [Fact]
    public async Task The_dashboard_exports_to_excel_and_unknown_values_are_404()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        using var response = await browser.GetAsync("/structures/pref-73/indicateurs/export?vue=annees&debut=2020&fin=2023");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcel.Query(await response.Content.ReadAsStreamAsync(), useHeaderRow: true, sheetName: "Tableau de bord").Cast<IDictionary<string, object>>().ToList();
        var mail2023 = rows.Single(r => (string)r["Code"] == "delai-courriers" && (string)r["Période"] == "2023");
        Assert.Equal(88.2, Convert.ToDouble(mail2023["Valeur"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(500, Convert.ToDouble(mail2023["Dénominateur"], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/structures/pref-73/indicateurs/inconnu/2023")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/structures/pref-73/indicateurs/delai-courriers/2023-T9")).StatusCode);
    }

    [Fact]
    public async Task Auditors_and_other_structures_do_not_see_the_dashboard()
    {
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await auditor.GetAsync("/structures/pref-73/indicateurs")).StatusCode);
        using var lozere = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await lozere.GetAsync("/structures/pref-73/indicateurs/delai-courriers/2023")).StatusCode);
    }

    [Fact]
    public async Task A_chart_reads_an_own_indicator_label_with_quotes_and_backslashes_as_given()
    {
        const string label = "Taux \"net\" \\ brut d'accueil";
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var structure = await db.Structures.SingleAsync(s => s.Code == "pref-73");
            var (indicator, errors) = await scope.ServiceProvider.GetRequiredService<IndicatorEditor>().CreateOwnAsync(structure, new OwnIndicatorInput
            {
                Code = "taux-net-brut",
                Label = label,
                Unit = IndicatorUnit.Percent,
                Periodicity = IndicatorPeriodicity.Yearly,
                Direction = IndicatorDirection.HigherIsBetter,
            });
            Assert.Empty(errors);
        }
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        foreach (var (year, value) in new[] { ("2024", 61.5), ("2025", 64.25) })
        {
            var saved = await api.PutAsJsonAsync($"/api/v1/structures/pref-73/indicators/taux-net-brut/values/{year}", new { value });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs?vue=annees&debut=2024&fin=2025");
        var chart = page.QuerySelectorAll("figure.qp-chart").Single(f => f.QuerySelector("figcaption")!.TextContent.Trim() == label).QuerySelector("bar-chart")!;
        Assert.Equal([label], JsonSerializer.Deserialize<string[]>(chart.GetAttribute("name")!)!);
        Assert.Equal([["2024", "2025"]], JsonSerializer.Deserialize<string[][]>(chart.GetAttribute("x")!)!);
        Assert.Equal("[[61.5,64.25]]", chart.GetAttribute("y"));
    }

    [Fact]
    public async Task Beside_quarters_a_count_chart_leaves_the_year_total_to_the_table_a_rate_chart_keeps_it()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs?vue=trimestres&annee=2026");
        string[] ChartPeriods(string code)
        {
            // A bar chart reads one list of labels per series ([[…]]), a bar-and-line chart a single list.
            var x = JsonDocument.Parse(page.QuerySelector($"figure[aria-labelledby='graphique-{code}'] [x]")!.GetAttribute("x")!).RootElement;
            return (x[0].ValueKind == JsonValueKind.Array ? x[0] : x).EnumerateArray().Select(e => e.GetString()!).ToArray();
        }

        Assert.Equal(["T1 2026", "T2 2026", "T3 2026", "T4 2026"], ChartPeriods("frequentation-accueil"));
        Assert.Equal(["T1 2026", "T2 2026", "T3 2026", "T4 2026", "2026"], ChartPeriods("delai-courriers"));
        // The year's visitors stay in the dashboard's table.
        Assert.NotNull(page.QuerySelector("#tableau a[href='/structures/pref-73/indicateurs/frequentation-accueil/2026']"));
    }

    [Fact]
    public async Task A_small_rate_is_drawn_on_its_own_scale_a_high_rate_on_the_whole_0_to_100_scale()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs?vue=trimestres&annee=2026");
        string Top(string code) => page.QuerySelector($"figure[aria-labelledby='graphique-{code}'] bar-line-chart")!.GetAttribute("y-bar-max")!;

        // Engagement on social networks: 9,10 / 8,70 / 9,40 % against 2 %: a tenth above 9,40, rounded up.
        Assert.Equal("11", Top("engagement-reseaux-sociaux"));
        Assert.Equal("100", Top("delai-courriers"));
        Assert.Equal("100", Top("delai-reclamations")); // 100,00 % every quarter
        Assert.Equal("100", Top("appels-decroches"));
    }
}
