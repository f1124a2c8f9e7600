using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>After the daily run, the quality referent reads the label, self-assessment and indicator notifications, then
/// switches one kind off on the preferences page, on a desktop and on a phone; every page passes axe-core.</summary>
public class NotificationsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Referent_reads_the_new_kinds_and_switches_one_off_on_a_desktop_and_a_phone()
    {
        var admin = await app.NewPageAsync();
        await admin.LoginAsync(DemoData.Admin.Email);
        await admin.GotoAsync("/admin/relances");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lancer les relances maintenant" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Relances lancées");

        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.GotoAsync("/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Label échu : « Label Qual-e-pref (modules 1 et 7) »" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Clôture de l'auto-diagnostic 2026 proche" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Indicateur sous son seuil d'alerte" }).First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("75-notifications-1280px");

        await page.GetByRole(AriaRole.Link, new() { Name = "Choisir les notifications que je reçois" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choisir mes notifications");
        await page.Locator("label[for=preference-labelexpiry]").ClickAsync(); // the DSFR draws the box on the label
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes choix" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("vous ne recevez plus « Échéance du label »");
        await Assertions.Expect(page.GetByLabel("Échéance du label")).Not.ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("76-preferences-notifications-1280px");

        var phone = await app.NewPageAsync(390, 844);
        await phone.LoginAsync(DemoData.SavoieReferent.Email);
        await phone.GotoAsync("/notifications");
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Clôture de l'auto-diagnostic 2026 proche" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Label échu" })).ToHaveCountAsync(0);
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("77-notifications-390px");
        await phone.GotoAsync("/notifications/preferences");
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "la page des préférences déborde en largeur sur un téléphone");
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("78-preferences-notifications-390px");
    }
}
