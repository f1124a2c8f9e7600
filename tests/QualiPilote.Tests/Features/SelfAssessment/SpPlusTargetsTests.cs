using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.SelfAssessment;

public class SpPlusTargetsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task National_targets_are_data_a_national_administrator_edits_per_year()
    {
        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PutAsJsonAsync("/api/v1/sp-plus/targets/2025", new { percent = 75 })).StatusCode);
        var targets = await referent.GetFromJsonAsync<JsonElement>("/api/v1/sp-plus/targets");
        Assert.Equal([2023, 2026], targets.EnumerateArray().Select(t => t.GetProperty("year").GetInt32()));

        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var page = await admin.GetPageAsync("/services-publics-plus/cibles");
        var invalid = await admin.SubmitAsync(page, "form:has(#Input-Year)", new() { ["Input.Year"] = "2025", ["Input.Percent"] = "150" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Cible (en %) : la valeur doit être comprise entre 0 et 100.", (await Browser.ParseAsync(invalid)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        var saved = await admin.SubmitAsync(page, "form:has(#Input-Year)", new() { ["Input.Year"] = "2025", ["Input.Percent"] = "75", ["Input.Source"] = "Instruction DITP 2025" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var auditor = await ApiClient.ForAsync(factory, DemoData.SavoieAuditor.Email);
        var diagnostic = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/campaigns/2025/sp-plus");
        Assert.Equal((75, 2025), (diagnostic.GetProperty("targetPercent").GetDouble(), diagnostic.GetProperty("targetYear").GetInt32()));
        Assert.False(diagnostic.GetProperty("reached").GetBoolean());

        using var referentBrowser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await referentBrowser.GetAsync("/services-publics-plus/cibles")).StatusCode);
    }
}

/// <summary>The SP+ diagnostic lists the Quali-ATE engagements behind each SP+ engagement in number order, whatever the
/// module they belong to (engagement 20 came before 18).</summary>
public class SpPlusDiagnosticOrderTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Mapped_engagements_are_listed_in_number_order()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/services-publics-plus");
        var lines = page.QuerySelectorAll("main tbody tr")
            .Select(row => row.QuerySelectorAll("a[title^='Engagement ']").Select(a => int.Parse(a.GetAttribute("title")!["Engagement ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList())
            .Where(numbers => numbers.Count > 1).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, numbers => Assert.Equal(numbers.Order(), numbers));
    }
}
