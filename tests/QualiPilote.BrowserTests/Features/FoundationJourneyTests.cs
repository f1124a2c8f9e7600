using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>A quality referent logs in, browses the referential down to an engagement, then the perimeter;
/// every page passes axe-core.</summary>
public class FoundationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Referent_browses_referential_engagement_and_perimeter()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("01-accueil-anonyme");

        await page.GotoAsync("/connexion");
        await page.AssertAccessibleAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("02-accueil-referente");

        await page.GetByRole(AriaRole.Link, new() { Name = "Référentiels", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Quali-ATE" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quali-ATE 2024");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("03-referentiel");

        await page.GetByRole(AriaRole.Link, new() { Name = "Engagement 15. Nous vous répondons dans un délai annoncé et maîtrisé" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Engagement 15");
        await Assertions.Expect(page.GetByText("Votre demande est traitée dans les délais annoncés")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("04-engagement");

        await page.GotoAsync("/structures/pref-73/perimetre");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Périmètre de labellisation");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Module 8 – Communication d'urgence en cas d'évènement majeur" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("05-perimetre");

        await page.GotoAsync("/structures/pref-73/perimetre/modifier");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("06-perimetre-modifier");
    }
}
