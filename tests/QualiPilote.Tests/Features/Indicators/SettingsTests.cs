using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Indicators;

public class SettingsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_local_target_changes_whether_a_value_is_met_from_its_year_on()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs/reglages");
        var response = await browser.SubmitAsync(page, "form[action*='handler=Target']",
            new() { ["TargetIndicator"] = "delai-courriers", ["Target.FromYear"] = "2023", ["Target.Target"] = "90,5", ["Target.AlertThreshold"] = "85" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        async Task<JsonElement> MailAsync(int year) => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/structures/pref-73/indicators?year={year}"))
            .EnumerateArray().Single(e => e.GetProperty("code").GetString() == "delai-courriers");
        var y2023 = await MailAsync(2023);
        Assert.Equal(90.5, y2023.GetProperty("localTarget").GetDouble());
        Assert.False(y2023.GetProperty("met").GetBoolean()); // 88,20 % < 90,5 %
        Assert.True((await MailAsync(2022)).GetProperty("met").GetBoolean()); // the 2020 local target (80 %) still applies

        var bad = await browser.SubmitAsync(await browser.GetPageAsync("/structures/pref-73/indicateurs/reglages"), "form[action*='handler=Target']",
            new() { ["TargetIndicator"] = "delai-courriers", ["Target.FromYear"] = "", ["Target.Target"] = "beaucoup" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = (await Browser.ParseAsync(bad)).QuerySelector("#erreurs")!.TextContent;
        Assert.Contains("« beaucoup » n'est pas un nombre", html, StringComparison.Ordinal);
        Assert.Contains("À partir de l'année : ce champ est obligatoire", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referent_adds_an_indicator_of_their_own_and_enters_its_values()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs/reglages");
        var created = await browser.SubmitAsync(page, "form[action*='handler=Create']", new()
        {
            ["Input.Code"] = "delai-titres-sejour",
            ["Input.Label"] = "Délai de délivrance des titres de séjour",
            ["Input.Unit"] = "Days",
            ["Input.Periodicity"] = "Quarterly",
            ["Input.Direction"] = "LowerIsBetter",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var entry = await browser.GetPageAsync("/structures/pref-73/indicateurs/delai-titres-sejour/saisie?periode=2026-T3");
        var saved = await browser.SubmitAsync(entry, "main form", new() { ["Input.Value"] = "42,5", ["Input.Comment"] = "Renfort de deux agents en septembre" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/structures/pref-73/indicateurs/delai-titres-sejour/2026-T3", saved.Headers.Location!.OriginalString);
        var detail = await browser.GetPageAsync("/structures/pref-73/indicateurs/delai-titres-sejour/2026-T3");
        Assert.Contains("42,5 j", detail.QuerySelector("#valeur")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renfort de deux agents", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var duplicate = await browser.SubmitAsync(await browser.GetPageAsync("/structures/pref-73/indicateurs/reglages"), "form[action*='handler=Create']", new()
        {
            ["Input.Code"] = "delai-courriers",
            ["Input.Label"] = "Doublon",
            ["Input.Unit"] = "Percent",
            ["Input.Periodicity"] = "Yearly",
            ["Input.Direction"] = "HigherIsBetter",
        });
        Assert.Contains("déjà pris", (await Browser.ParseAsync(duplicate)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        // Another structure does not see it.
        using var lozere = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        var codes = (await lozere.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-48/indicators?year=2026")).EnumerateArray().Select(e => e.GetProperty("code").GetString());
        Assert.DoesNotContain("delai-titres-sejour", codes);
    }

    [Fact]
    public async Task Settings_and_national_targets_are_refused_below_their_level()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await relay.GetAsync("/structures/pref-73/indicateurs/reglages")).StatusCode);
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await referent.GetAsync("/indicateurs/delai-courriers/cible-nationale")).StatusCode);
        Assert.Contains("Délai de réponse aux courriers", (await referent.GetPageAsync("/indicateurs")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var page = await admin.GetPageAsync("/indicateurs/appels-decroches/cible-nationale");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "main form", new() { ["Input.FromYear"] = "2027", ["Input.Target"] = "92" })).StatusCode);
        Assert.Contains("À partir de 2027 : 92,00", (await admin.GetPageAsync("/indicateurs/appels-decroches/cible-nationale")).QuerySelector("main")!.TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
    }
}
