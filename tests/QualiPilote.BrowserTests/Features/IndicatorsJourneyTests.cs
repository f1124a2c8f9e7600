using System.Diagnostics;
using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The quality referent follows an alert from the home page to the dashboard, the drill-down and a new action;
/// a visitor reads the public results on a phone and gets the A4 poster. Every page passes axe-core.</summary>
public class IndicatorsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Referent_goes_from_an_alert_to_the_items_behind_it_and_opens_an_action()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Indicateurs sous leur cible" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("20-accueil-alertes");

        await page.GotoAsync("/structures/pref-73/indicateurs?vue=annees&debut=2020&fin=2026");
        await Assertions.Expect(page.Locator("#tableau a[href='/structures/pref-73/indicateurs/delai-courriers/2023']")).ToHaveTextAsync("88,20\u00a0%");
        await page.Locator(".qp-chart canvas").First.WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("21-tableau-de-bord-annees");

        await page.GotoAsync("/structures/pref-73/indicateurs?vue=trimestres&annee=2026");
        await page.Locator(".qp-chart canvas").First.WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("22-tableau-de-bord-trimestres");

        await page.Locator("#tableau a[href='/structures/pref-73/indicateurs/delai-courriels/2026-T4']").ClickAsync();
        await Assertions.Expect(page.Locator("#valeur")).ToHaveTextAsync("69,35\u00a0%");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hors délai" }).ClickAsync();
        await Assertions.Expect(page.GetByText("19 éléments « Hors délai »")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("23-detail-hors-delai");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir une action d'amélioration" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Redresser l'indicateur « Délai de réponse aux courriels » (T4 2026)");
        await page.AssertAccessibleAsync();

        foreach (var (url, name) in new[]
        {
            ("/structures/pref-73/registres", "24-registres"),
            ("/structures/pref-73/registres/courriers/importer", "25-import-courriers"),
            ("/structures/pref-73/registres/courriers/saisie", "26-saisie-courrier"),
            ("/structures/pref-73/registres/delais", "27-delais"),
            ("/structures/pref-73/indicateurs/reglages", "28-reglages-indicateurs"),
        })
        {
            await page.GotoAsync(url);
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(name);
        }
    }

    [Fact]
    public async Task Visitor_reads_the_public_results_on_a_phone_and_gets_the_poster()
    {
        var page = await app.NewPageAsync(375, 812);
        await page.GotoAsync("/resultats/pref-73");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Taux d'appels décrochés" })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "la page publique déborde en largeur sur un téléphone");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("29-resultats-publics-375px");

        await page.GotoAsync("/resultats/pref-73/affiche");
        await page.AssertAccessibleAsync();

        var response = await page.APIRequest.GetAsync("/resultats/pref-73/affiche.pdf");
        Assert.Equal(200, response.Status);
        var pdf = Path.Combine(BrowserApp.ScreenshotFolder, "30-affiche.pdf");
        await File.WriteAllBytesAsync(pdf, await response.BodyAsync());
        if (File.Exists("/usr/bin/pdftoppm"))
        {
            using var render = Process.Start("/usr/bin/pdftoppm", ["-png", "-r", "80", "-singlefile", pdf, Path.Combine(BrowserApp.ScreenshotFolder, "30-affiche")])!;
            await render.WaitForExitAsync();
            Assert.Equal(0, render.ExitCode);
        }
    }
}
