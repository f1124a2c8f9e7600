using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

public class CallsAndAttendanceImportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<JsonElement> IndicatorAsync(HttpClient api, string structure, string code, string query) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/structures/{structure}/indicators?{query}")).EnumerateArray()
            .Single(e => e.GetProperty("code").GetString() == code);

    [Fact]
    public async Task One_row_per_call_is_counted_per_day_and_reimporting_changes_nothing()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = "date_heure;statut\n02/11/2026 09:14;decroche\n02/11/2026 09:16;perdu\n02/11/2026 10:01;Décroché\n2026-11-03 08:30:12;decroche\n";
        var first = await (await ImportAsync(api, "sp-albertville", "calls", Utf8(file))).JsonAsync();
        Assert.Equal(2, first.GetProperty("imported").GetInt32()); // two days
        var second = await (await ImportAsync(api, "sp-albertville", "calls", Utf8(file))).JsonAsync();
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        var calls = await IndicatorAsync(api, "sp-albertville", "appels-decroches", "year=2026&quarter=4");
        Assert.Equal(3, calls.GetProperty("numerator").GetInt32());
        Assert.Equal(4, calls.GetProperty("denominator").GetInt32());
        Assert.Equal(75, calls.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Period_rows_give_the_rate_and_overlapping_or_quarter_crossing_periods_are_refused()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = "debut;fin;presentes;decroches\n01/01/2023;31/03/2023;6500;5903\n01/04/2023;30/06/2023;6250;5676\n01/07/2023;30/09/2023;5500;4994\n01/10/2023;31/12/2023;6750;6130\n";
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "sp-saint-jean-de-maurienne", "calls", Utf8(file))).StatusCode);
        Assert.Equal(90.81, (await IndicatorAsync(api, "sp-saint-jean-de-maurienne", "appels-decroches", "year=2023")).GetProperty("value").GetDouble());

        var overlapping = "debut;fin;presentes;decroches\n15/03/2023;31/03/2023;10;9\n";
        var response = await ImportAsync(api, "sp-saint-jean-de-maurienne", "calls", Utf8(overlapping));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("chevauche", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var crossing = "debut;fin;presentes;decroches\n01/03/2024;30/04/2024;10;9\n01/05/2024;31/05/2024;10;11\n";
        var errors = (await (await ImportAsync(api, "sp-saint-jean-de-maurienne", "calls", Utf8(crossing))).JsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "fin"), (3, "decroches")], errors);
        Assert.Equal(90.81, (await IndicatorAsync(api, "sp-saint-jean-de-maurienne", "appels-decroches", "year=2023")).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Attendance_counts_visitors_by_site_and_request_type_with_the_evolution_on_a_year()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = "mois;site;categorie;nombre\n2022-03;accueil-general;;2772\n2023-03;accueil-general;;3250\n2023-03;pan;cartes-grises;1200\n2023-03;PAN;Permis de conduire;1381\n";
        var first = await (await ImportAsync(api, "ddt-73", "attendance", Utf8(file))).JsonAsync();
        Assert.Equal(4, first.GetProperty("imported").GetInt32());
        Assert.Equal(4, (await (await ImportAsync(api, "ddt-73", "attendance", Utf8(file))).JsonAsync()).GetProperty("unchanged").GetInt32());
        Assert.Equal(3250, (await IndicatorAsync(api, "ddt-73", "frequentation-accueil", "year=2023")).GetProperty("value").GetDouble());
        Assert.Equal(2581, (await IndicatorAsync(api, "ddt-73", "frequentation-pan", "year=2023")).GetProperty("value").GetDouble());

        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/ddt-73/indicateurs/frequentation-accueil/2023");
        Assert.Contains("+17,2\u00a0%", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // (3 250 − 2 772) / 2 772
        var pan = await browser.GetPageAsync("/structures/ddt-73/indicateurs/frequentation-pan/2023");
        Assert.Contains("Permis de conduire", pan.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var bad = "mois;site;categorie;nombre\n2023/13;hall;velos;-3\n";
        var errors = (await (await ImportAsync(api, "ddt-73", "attendance", Utf8(bad))).JsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["mois", "site", "categorie", "nombre"], errors);
    }

    [Theory]
    [InlineData("correspondence", "reference;service;canal;recu_le;repondu_le;contact", "numero;date", "canal")]
    [InlineData("calls", "debut;fin;presentes;decroches", "debut;fin", "fichier")]
    [InlineData("attendance", "mois;site;categorie;nombre", "mois;site", "nombre")]
    public async Task An_unreadable_file_a_wrong_header_or_no_rows_is_refused_on_its_first_lines(string register, string header, string wrongHeader, string missing)
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        async Task<List<(int, string?)>> ErrorsAsync(string content, string fileName = "registre.csv")
        {
            var response = await ImportAsync(api, "sp-albertville", register, Utf8(content), fileName);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        }

        Assert.Equal([(1, "fichier")], await ErrorsAsync("ceci n'est pas un classeur", "registre.xlsx"));
        Assert.Contains((1, missing), await ErrorsAsync($"{wrongHeader}\n1;2\n"));
        Assert.Equal([(2, "fichier")], await ErrorsAsync($"{header}\n;;;\n"));
    }

    [Fact]
    public async Task Calls_and_attendance_imports_are_for_quality_referents()
    {
        using var relay = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(relay, "pref-73", "calls", Utf8("date_heure;statut\n02/11/2026 09:14;decroche\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(relay, "pref-73", "attendance", Utf8("mois;site;categorie;nombre\n2023-03;pan;;3\n"))).StatusCode);
    }
}
