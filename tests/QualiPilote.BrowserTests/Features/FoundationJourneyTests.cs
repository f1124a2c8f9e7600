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

    [Fact]
    public async Task Every_demo_role_gets_an_accessible_home_page()
    {
        foreach (var account in DemoData.Accounts)
        {
            var page = await app.NewPageAsync();
            await page.LoginAsync(account.Email);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Bonjour {account.FullName}");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("10-accueil-" + account.Email.Split('@')[0]);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_perimeter_reads_on_a_phone_and_the_menu_opens_with_the_keyboard()
    {
        var page = await app.NewPageAsync(375, 812);
        await page.LoginAsync(DemoData.SavoieAuditor.Email);
        await page.GotoAsync("/structures/pref-73/perimetre");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("11-perimetre-mobile");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "la page déborde horizontalement sur un écran de 375 px");

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Référentiels" })).ToBeVisibleAsync();
    }
}
