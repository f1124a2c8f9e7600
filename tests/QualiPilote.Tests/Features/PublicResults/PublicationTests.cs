using System.Net;
using System.Net.Http.Json;
using QualiPilote.Tests.Features.ActionPlan;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.PublicResults;

/// <summary>A period's figures reach the public page, the poster and the open data only once a referent publishes that
/// period, after seeing what will appear; the page says when each period was published.</summary>
public class PublicationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_public_page_shows_the_latest_published_periods_with_their_dates_not_the_quarter_still_filling()
    {
        using var visitor = Browser.Anonymous(factory);
        var main = Normalize((await visitor.GetPageAsync("/resultats/pref-73")).QuerySelector("main")!.TextContent);
        Assert.Contains("T3 2026 et année 2025", main, StringComparison.Ordinal);
        Assert.Contains("T3 2026 publié le 13/10/2026.", main, StringComparison.Ordinal);
        Assert.Contains("2025 publié le 20/03/2026.", main, StringComparison.Ordinal);
        Assert.DoesNotContain("T4 2026", main, StringComparison.Ordinal); // the registers hold November's rows, unpublished

        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var publication = await referent.GetPageAsync("/structures/pref-73/publication");
        var rows = publication.QuerySelectorAll("tbody tr").Select(r => Normalize(r.TextContent)).ToList();
        Assert.StartsWith("T3 2026 publiée le 13/10/2026", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("T4 2024 non publiée", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.StartsWith("T4 2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_not_over_is_refused_on_the_page_and_the_api_and_other_roles_cannot_publish()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var preview = await referent.GetPageAsync("/structures/pref-73/publication/2026-T4");
        Assert.Contains("T4 2026 n'est pas terminé", preview.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("main form"));
        var forged = await referent.PostAsync("/structures/pref-73/publication/2026-T4");
        Assert.Contains("n'est pas terminé", (await Browser.ParseAsync(forged)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        using var refused = await api.PutAsync(new Uri("/api/v1/structures/pref-73/publications/2026-T4", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("n'est pas terminé", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var notAPeriod = await api.PutAsync(new Uri("/api/v1/structures/pref-73/publications/2026-T9", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAPeriod.StatusCode);
        var list = await api.GetFromJsonAsync<List<Publication>>("/api/v1/structures/pref-73/publications");
        Assert.Contains(list!, p => p.Period == "2025" && p.Published && p.PublishedBy == DemoData.SavoieReferent.FullName);
        Assert.Contains(list!, p => p.Period == "2024" && !p.Published);
        using var published = await api.PutAsync(new Uri("/api/v1/structures/pref-73/publications/2024", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        using var again = await api.PutAsync(new Uri("/api/v1/structures/pref-73/publications/2024", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode); // publishing twice is the same as once

        using var relay = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        using var forbidden = await relay.PutAsync(new Uri("/api/v1/structures/pref-73/publications/2024-T4", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var relayPage = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        Assert.True(Refusal.IsRefused(await relayPage.GetAsync("/structures/pref-73/publication")));
        Assert.True(Refusal.IsRefused(await relayPage.GetAsync("/structures/pref-73/publication/2024-T4")));
    }

    private static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    private sealed record Publication(string Period, string Label, bool Published, DateTime? PublishedAt, string? PublishedBy);
}

/// <summary>Withdrawing and publishing again changes the demo's publication dates: its own database, so that the other
/// publication tests read the seeded dates whatever the order.</summary>
public class PublicationChangeTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Withdrawing_then_publishing_after_the_preview_changes_the_public_page_and_is_journaled()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var publication = await referent.GetPageAsync("/structures/pref-73/publication");
        var withdrawn = await referent.SubmitAsync(publication, "form:has(input[name=period][value='2026-T3'])", []);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("T3 2026 n'est plus publié", Normalize((await referent.GetPageAsync("/structures/pref-73/publication")).Body!.TextContent), StringComparison.Ordinal);

        using var visitor = Browser.Anonymous(factory);
        Assert.Contains("T2 2026 et année 2025", (await visitor.GetPageAsync("/resultats/pref-73")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-T3", await (await visitor.GetAsync("/resultats/pref-73/donnees.csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var preview = await referent.GetPageAsync("/structures/pref-73/publication/2026-T3");
        var figures = preview.QuerySelectorAll("tbody tr").Select(r => Normalize(r.TextContent)).ToList();
        Assert.Equal(5, figures.Count);
        Assert.Contains(figures, f => f.StartsWith("Taux d'appels décrochés 92,00 % ≥ 90,00 % Objectif atteint", StringComparison.Ordinal));
        Assert.Equal("/structures/pref-73/indicateurs/appels-decroches/2026-T3",
            preview.QuerySelectorAll("tbody a").Single(a => a.TextContent.Contains("appels", StringComparison.Ordinal)).GetAttribute("href"));
        var published = await referent.SubmitAsync(preview, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("T3 2026 est publié", Normalize((await referent.GetPageAsync("/structures/pref-73/publication")).Body!.TextContent), StringComparison.Ordinal);
        Assert.Contains("T3 2026 publié le 23/11/2026.", (await visitor.GetPageAsync("/resultats/pref-73")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var journal = Normalize((await referent.GetPageAsync("/structures/pref-73/journal")).QuerySelector("main")!.TextContent);
        Assert.Contains("Création Période publiée", journal, StringComparison.Ordinal);
        Assert.Contains("Suppression Période publiée", journal, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

}
