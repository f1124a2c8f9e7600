using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using UglyToad.PdfPig;

namespace QualiPilote.Tests.Features.PublicResults;

/// <summary>The public results need no login and show only what the referent published – on the page, in the open data,
/// on the poster.</summary>
public class PublicResultsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    // Published in the demo: the three response times, answered calls, general reception. Not published: these.
    private static readonly string[] Unpublished = ["Taux d'engagement sur les réseaux sociaux", "engagement-reseaux-sociaux", "Fréquentation des points d'accès numériques", "frequentation-pan", "Satisfaction des usagers"];

    [Fact]
    public async Task The_public_page_shows_the_published_indicators_of_the_last_quarter_and_year_without_login()
    {
        using var visitor = Browser.Anonymous(factory);
        var page = await visitor.GetPageAsync("/resultats/pref-73");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("T3 2026 et année 2025", main, StringComparison.Ordinal);
        Assert.Equal(["Délai de réponse aux courriers", "Délai de réponse aux courriels", "Délai de réponse aux réclamations", "Taux d'appels décrochés", "Fréquentation de l'accueil général"],
            page.QuerySelectorAll("h2.fr-card__title").Select(h => h.TextContent.Trim()));
        Assert.Contains("90,64", main, StringComparison.Ordinal);
        Assert.Contains("Objectif atteint", main, StringComparison.Ordinal);
        Assert.All(Unpublished, text => Assert.DoesNotContain(text, main, StringComparison.Ordinal));
        Assert.Contains("Préfecture de la Savoie (démo)", (await visitor.GetPageAsync("/resultats")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/resultats/inconnue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/resultats/inconnue/donnees.csv")).StatusCode);
    }

    [Fact]
    public async Task Open_data_in_csv_and_json_holds_the_published_indicators_only()
    {
        using var visitor = Browser.Anonymous(factory);
        using var csv = await visitor.GetAsync("/resultats/pref-73/donnees.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("structure,indicateur,libelle,periode,valeur,unite,cible,atteint,mis_a_jour", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("pref-73,delai-courriers,Délai de réponse aux courriers,2025,90.64,%,80,oui,", StringComparison.Ordinal));
        Assert.Equal(1 + 5 * 2, lines.Length);

        using var json = await visitor.GetAsync("/resultats/pref-73/donnees.json");
        var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        var indicators = body.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(10, indicators.Count);
        Assert.Contains(indicators, i => i.GetProperty("indicator").GetString() == "appels-decroches" && i.GetProperty("period").GetString() == "2026-T3"
            && i.GetProperty("value").GetDouble() == 92 && i.GetProperty("target").GetDouble() == 90 && i.GetProperty("updatedAt").GetString()!.Length > 0);
        var raw = body.GetRawText();
        Assert.All(Unpublished, text => Assert.DoesNotContain(text, raw, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unpublishing_an_indicator_removes_it_everywhere_and_publishing_one_adds_it()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var settings = await referent.GetPageAsync("/structures/pref-73/indicateurs/reglages");
        var ids = settings.QuerySelectorAll("input[name=Published]").ToDictionary(i => i.Id!, i => i.GetAttribute("value")!);
        var response = await referent.SubmitAsync(settings, "form[action*='handler=Publish']",
            new() { ["Published"] = string.Join('\n', ids["publie-delai-courriers"], ids["publie-engagement-reseaux-sociaux"]) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var visitor = Browser.Anonymous(factory);
        var page = (await visitor.GetPageAsync("/resultats/pref-73")).QuerySelector("main")!.TextContent;
        Assert.Contains("Taux d'engagement sur les réseaux sociaux", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Taux d'appels décrochés", page, StringComparison.Ordinal);
        var csv = await (await visitor.GetAsync("/resultats/pref-73/donnees.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("appels-decroches", csv, StringComparison.Ordinal);
        Assert.Contains("engagement-reseaux-sociaux", csv, StringComparison.Ordinal);

        await referent.SubmitAsync(await referent.GetPageAsync("/structures/pref-73/indicateurs/reglages"), "form[action*='handler=Publish']",
            new() { ["Published"] = string.Join('\n', new[] { "delai-courriers", "delai-courriels", "delai-reclamations", "appels-decroches", "frequentation-accueil" }.Select(c => ids[$"publie-{c}"])) });
    }

    [Fact]
    public async Task The_a4_poster_is_a_pdf_of_the_published_results()
    {
        using var visitor = Browser.Anonymous(factory);
        using var response = await visitor.GetAsync("/resultats/pref-73/affiche.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = pdf.GetPage(1);
        Assert.InRange(page.Width, 590, 600); // A4: 595 × 842 points
        Assert.InRange(page.Height, 837, 847);
        var text = string.Concat(pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Savoie", text, StringComparison.Ordinal);
        Assert.Contains("courriels", text, StringComparison.Ordinal);
        Assert.Contains("90,64", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sociaux", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PAN", text, StringComparison.Ordinal);

        var html = await visitor.GetPageAsync("/resultats/pref-73/affiche");
        Assert.Equal(5, html.QuerySelectorAll("section.qp-poster__indicator").Length);
    }
}

/// <summary>A server without Chromium answers a clear French message, not an error page.</summary>
public class PosterWithoutChromiumTests(PosterWithoutChromiumTests.Factory factory) : IClassFixture<PosterWithoutChromiumTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Pdf:ChromiumPath", "/nulle-part/chromium");
        }
    }

    [Fact]
    public async Task The_poster_answers_a_french_message_when_chromium_is_missing()
    {
        using var visitor = Browser.Anonymous(factory);
        using var response = await visitor.GetAsync("/resultats/pref-73/affiche.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Chromium introuvable : /nulle-part/chromium", body, StringComparison.Ordinal);
        Assert.Contains("/resultats/pref-73/affiche", body, StringComparison.Ordinal);
    }
}
