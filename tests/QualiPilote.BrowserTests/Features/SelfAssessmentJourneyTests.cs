using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The demo's self-assessment story: the DCL's relay referent assesses module 1 of the 2026 campaign (started
/// from 2025) and attaches a file; the quality referent reviews and closes the campaign, then reads the rates and the
/// SP+ self-diagnostic. Every page passes axe-core and is photographed.</summary>
public class SelfAssessmentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Relay_assesses_with_evidence_then_referent_closes_and_reads_the_rates()
    {
        var relay = await app.NewPageAsync();
        await relay.LoginAsync(DemoData.SavoieRelay.Email);
        await relay.GotoAsync("/structures/pref-73/auto-diagnostic");
        await Assertions.Expect(relay.GetByRole(AriaRole.Link, new() { Name = "Campagne 2026" })).ToBeVisibleAsync();
        await relay.AssertAccessibleAsync();
        await relay.ScreenshotAsync("20-auto-diagnostic-campagnes");

        await relay.GetByRole(AriaRole.Link, new() { Name = "Campagne 2026" }).ClickAsync();
        await Assertions.Expect(relay.GetByText("à partir des réponses de 2025")).ToBeVisibleAsync();
        await relay.AssertAccessibleAsync();
        await relay.ScreenshotAsync("21-auto-diagnostic-grille-2026");

        await relay.GetByRole(AriaRole.Link, new() { Name = "Évaluer le module 1" }).ClickAsync();
        await Assertions.Expect(relay.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Module 1");
        await relay.AssertAccessibleAsync();
        await relay.ScreenshotAsync("22-auto-diagnostic-module-1");

        var engagement14 = relay.Locator("#engagement-14");
        // DSFR radios are drawn by their label, which takes the click.
        await engagement14.Locator("label", new() { HasTextString = "Réalisé" }).ClickAsync();
        await Assertions.Expect(engagement14.GetByLabel("Réalisé")).ToBeCheckedAsync();
        await engagement14.GetByLabel("Commentaire").FillAsync("Modèles de courriers du bureau de l'immigration relus et diffusés.");
        await engagement14.GetByLabel("Joindre un fichier").SetInputFilesAsync(new FilePayload
        {
            Name = "modeles-courriers-2026.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4 modèles de courriers"u8.ToArray(),
        });
        await engagement14.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'engagement 14" }).ClickAsync();
        await Assertions.Expect(relay.Locator("#engagement-14 [role=status]")).ToContainTextAsync("Engagement 14 enregistré");
        await Assertions.Expect(relay.Locator("#engagement-14 details.qp-evidence > summary").First).ToContainTextAsync("modeles-courriers-2026");
        await relay.ScreenshotAsync("23-auto-diagnostic-engagement-enregistre");

        var referent = await app.NewPageAsync();
        await referent.LoginAsync(DemoData.SavoieReferent.Email);
        await Assertions.Expect(referent.GetByRole(AriaRole.Heading, new() { Name = "Auto-diagnostic" })).ToBeVisibleAsync();
        await referent.ScreenshotAsync("24-accueil-auto-diagnostic");
        await referent.GotoAsync("/structures/pref-73/auto-diagnostic/2026/cloture");
        await referent.AssertAccessibleAsync();
        await referent.ScreenshotAsync("25-auto-diagnostic-revue-cloture");
        // Closing asks for confirmation, after saying what stays open.
        await referent.GotoAsync("/structures/pref-73/auto-diagnostic/2026/cloture?etape=confirmation");
        await referent.GetByLabel("Remarques de clôture").FillAsync("Relu avec les référents-relais.");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Clôturer la campagne 2026" }).ClickAsync();
        await Assertions.Expect(referent.GetByText("Campagne 2026 clôturée")).ToBeVisibleAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Link, new() { Name = "Évaluer le module 1" })).ToHaveCountAsync(0);

        await referent.GetByRole(AriaRole.Link, new() { Name = "Taux et avancement" }).ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Taux de réalisation");
        await referent.AssertAccessibleAsync();
        await referent.ScreenshotAsync("26-auto-diagnostic-taux");

        await referent.GetByRole(AriaRole.Link, new() { Name = "Services Publics +" }).Last.ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Services Publics +");
        await referent.AssertAccessibleAsync();
        await referent.ScreenshotAsync("27-auto-diagnostic-sp-plus");

        await referent.GotoAsync("/structures/pref-73/preuves");
        await referent.AssertAccessibleAsync();
        await referent.ScreenshotAsync("28-preuves");
        await referent.GotoAsync("/structures/pref-73/preuves/nouvelle");
        await referent.AssertAccessibleAsync();
        await referent.ScreenshotAsync("29-preuve-nouvelle");
    }

    [Fact]
    public async Task Pages_read_well_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.LoginAsync(DemoData.SavoieAuditor.Email);
        foreach (var (url, name) in new[]
        {
            ("/structures/pref-73/auto-diagnostic/2025", "30-mobile-grille-2025"),
            ("/structures/pref-73/auto-diagnostic/2025/taux", "31-mobile-taux-2025"),
        })
        {
            await page.GotoAsync(url);
            await page.ScreenshotAsync(name);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"{url} déborde en largeur");
        }
    }
}
