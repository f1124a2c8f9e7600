using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>Realisation rates per structure, module, engagement and service with last year beside them, the COPIL view
/// whose every count leads to its rows, and the SP+ self-diagnostic against the national target of the year.</summary>
public class RatesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Rates_leave_out_non_applicable_requirements_and_sit_beside_last_year()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAuditor.Email);
        var rates = await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/campaigns/2026/rates");

        // 36 requirements, one non applicable (7.1, no local interactive voice server): 27 done of 35.
        Assert.Equal((27, 35, 1), (Done(rates.GetProperty("structure")), Applicable(rates.GetProperty("structure")), rates.GetProperty("structure").GetProperty("notApplicable").GetInt32()));
        Assert.Equal(100.0 * 27 / 35, rates.GetProperty("structure").GetProperty("percent").GetDouble(), 6);
        Assert.Equal(2025, rates.GetProperty("previousYear").GetInt32());
        Assert.Equal(100.0 * 26 / 35, rates.GetProperty("previousStructure").GetProperty("percent").GetDouble(), 6);
        var module1 = rates.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("number").GetInt32() == 1);
        Assert.Equal((14, 16), (Done(module1.GetProperty("rate")), Applicable(module1.GetProperty("rate"))));
        Assert.Equal((13, 16), (Done(module1.GetProperty("previous")), Applicable(module1.GetProperty("previous"))));
        var engagement7 = rates.GetProperty("engagements").EnumerateArray().Single(e => e.GetProperty("number").GetInt32() == 7);
        Assert.Equal(JsonValueKind.Null, engagement7.GetProperty("rate").GetProperty("percent").ValueKind);
        var services = rates.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("rate"));
        Assert.Equal(Done(module1.GetProperty("rate")), Done(services["DCL"]));
        Assert.Equal(16 + 4, Applicable(services["DCL-BI"])); // modules 1 and 4
    }

    [Fact]
    public async Task An_empty_module_shows_no_rate_and_weighs_nothing()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        var referential = await factory.WithDbAsync(db => db.Perimeters.Where(p => p.Structure.Code == "pref-48").Select(p => p.ReferentialId).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/structures/pref-48/campaigns", new { year = 2026, referentialId = referential })).StatusCode);
        foreach (var requirement in new[] { "4.1", "10.1" })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/structures/pref-48/campaigns/2026/assessments/{requirement}", new { status = "done" }, ApiClient.Json)).StatusCode);
        }

        var rates = await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-48/campaigns/2026/rates");
        var module6 = rates.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("number").GetInt32() == 6);
        Assert.Equal(0, module6.GetProperty("rate").GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, module6.GetProperty("rate").GetProperty("percent").ValueKind);
        Assert.Equal(100.0 * 2 / 3, rates.GetProperty("structure").GetProperty("percent").GetDouble(), 6);

        using var browser = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-48/auto-diagnostic/2026/taux");
        var row = page.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Module 6", StringComparison.Ordinal));
        Assert.Contains("Aucun sous-engagement", row.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("–", row.QuerySelectorAll("td")[1].TextContent.Trim(), StringComparison.Ordinal);
        var grid = await browser.GetPageAsync("/structures/pref-48/auto-diagnostic/2026");
        Assert.Contains("Aucun sous-engagement dans ce module : il n'entre pas dans le taux.", grid.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_count_of_the_copil_view_leads_to_the_rows_that_make_it()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var page = await agent.GetPageAsync("/structures/pref-73/auto-diagnostic/2025/taux");
        Assert.Contains("74,29\u00a0%", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var inProgress = page.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "/structures/pref-73/auto-diagnostic/2025?module=2&statut=InProgress");
        Assert.Equal("2 en cours", inProgress.TextContent.Trim());

        var rows = await agent.GetPageAsync(inProgress.GetAttribute("href")!);
        Assert.Equal(["exigence-23-1", "exigence-25-1"], rows.QuerySelectorAll("tr[id^=exigence-]").Select(r => r.Id));
    }

    [Fact]
    public async Task The_sp_plus_self_diagnostic_is_derived_from_the_mapped_requirements_and_compared_with_the_target_of_the_year()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAuditor.Email);
        var diagnostic = await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/campaigns/2025/sp-plus");

        // SP+ engagements map onto 27 Quali-ATE requirements of the perimeter; 7.1 is non applicable, 18 of 26 are done.
        Assert.Equal((18, 26), (Done(diagnostic.GetProperty("overall")), Applicable(diagnostic.GetProperty("overall"))));
        Assert.Equal(50, diagnostic.GetProperty("targetPercent").GetDouble());
        Assert.Equal(2023, diagnostic.GetProperty("targetYear").GetInt32());
        Assert.True(diagnostic.GetProperty("reached").GetBoolean());
        var environment = diagnostic.GetProperty("engagements").EnumerateArray().Single(e => e.GetProperty("number").GetInt32() == 8);
        Assert.Equal([23, 24, 25, 26, 27], environment.GetProperty("engagements").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(40, environment.GetProperty("rate").GetProperty("percent").GetDouble(), 6);

        var now = await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/campaigns/2026/sp-plus");
        Assert.Equal((100, 2026), (now.GetProperty("targetPercent").GetDouble(), now.GetProperty("targetYear").GetInt32()));
        Assert.False(now.GetProperty("reached").GetBoolean());

        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/auto-diagnostic/2025/services-publics-plus");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("69,23\u00a0%", text, StringComparison.Ordinal);
        Assert.Contains("Cible atteinte", text, StringComparison.Ordinal);
    }

    private static int Done(JsonElement rate) => rate.GetProperty("done").GetInt32();
    private static int Applicable(JsonElement rate) => rate.GetProperty("applicable").GetInt32();
}
