using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The quality referent's day: what needs attention on the home page, the action plan and its views,
/// an action and its edit form, an audit and its findings, the labelling timeline, then the reminders and
/// the notifications. Every page passes axe-core; the screenshots are looked at (artifacts/screenshots/4*).</summary>
public class QualityCycleJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Referent_follows_the_action_plan_audits_and_timeline()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prochaines étapes vers le label" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actions en retard" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("40-accueil-a-suivre");

        await page.GotoAsync("/structures/pref-73/actions");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan d'action");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("41-plan-action");

        // Views and filters work as links and a GET form, keyboard first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Par service" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("vue=Service"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("42-plan-action-par-service");
        await page.GetByLabel("Origine", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Constat d'audit" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("vue=Service.*origine=AuditFinding"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Par engagement" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("vue=Engagement.*origine=AuditFinding"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("43-plan-action-par-engagement");

        await page.GotoAsync("/structures/pref-73/actions?echeance=Overdue");
        await page.GetByRole(AriaRole.Link, new() { Name = "Afficher et suivre les délais de délivrance des titres de séjour" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Afficher et suivre les délais de délivrance des titres de séjour");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("44-action");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier l'action" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("45-action-modifier");

        await page.GotoAsync("/structures/pref-73/actions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audits", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit interne – Cellule de la performance et de la modernisation (SGCD)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Synthèse des constats" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("46-audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'action pour ce constat" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Modifier l'action");
        await Assertions.Expect(page.GetByLabel("Origine", new() { Exact = true })).ToHaveValueAsync("AuditFinding");

        await page.GotoAsync("/structures/pref-73/retroplanning");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("47-retroplanning");
    }

    [Fact]
    public async Task Action_plan_reads_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.LoginAsync(DemoData.SavoieRelay.Email);
        await page.GotoAsync("/structures/pref-73/actions?vue=Service");
        await page.AssertAccessibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "La page déborde horizontalement à 390 px.");
        await page.ScreenshotAsync("48-plan-action-mobile");
    }

    [Fact]
    public async Task Administrator_runs_the_reminders_and_the_referent_reads_the_notifications()
    {
        var admin = await app.NewPageAsync();
        await admin.LoginAsync(DemoData.Admin.Email);
        await admin.GotoAsync("/admin/relances");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lancer les relances maintenant" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Relances lancées");
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("49-relances");

        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.Locator("#notifications-entete").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("50-notifications");
    }
}
