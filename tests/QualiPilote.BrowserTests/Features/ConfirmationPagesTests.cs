using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The confirmation pages of irreversible actions (closing a campaign, deleting a finding, removing a role) and the
/// module form, on a desktop and on a phone: reached and used with the keyboard, axe-core clean, photographed.</summary>
public class ConfirmationPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Confirmation_pages_and_the_module_form_work_with_the_keyboard(int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        await page.LoginAsync(DemoData.SavoieReferent.Email);

        await page.GotoAsync("/structures/pref-73/auto-diagnostic/2026/cloture?etape=confirmation");
        await Assertions.Expect(page.Locator(".qp-confirmation")).ToContainTextAsync("resteront telles quelles");
        await page.Locator("#Note").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Clôturer la campagne 2026", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Revenir à la revue", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"70-cloture-confirmation-{width}px");

        await page.GotoAsync("/structures/pref-73/audits");
        var audits = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll(\"main a[href^='/structures/pref-73/audits/']\")].map(a => a.getAttribute('href')).filter(h => /audits\\/\\d+$/.test(h))");
        foreach (var audit in audits)
        {
            await page.GotoAsync(audit);
            if (await page.Locator("main a[href$='/supprimer']").CountAsync() > 0)
            {
                break;
            }
        }
        await page.Locator("main a[href$='/supprimer']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Supprimer un constat");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"71-constat-suppression-{width}px");

        await page.GotoAsync("/structures/pref-73/membres");
        var remove = page.Locator("main a[href$='/retirer']").Last;
        await remove.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Retirer un rôle");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"72-membre-retrait-{width}px");

        await page.GotoAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"73-module-{width}px");
        var block = page.Locator("#engagement-9");
        await block.Locator("label[for$='-NotApplicable']").First.ClickAsync();
        await block.Locator("textarea").First.FillAsync("");
        await block.Locator("textarea").First.FocusAsync();
        await block.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'engagement 9" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The summary inside the posted block takes the focus (wwwroot/js/page-focus.js), which brings it into view.
        await Assertions.Expect(page.Locator("#engagement-9 #erreurs")).ToBeFocusedAsync();
        var top = await page.EvaluateAsync<double>("() => document.querySelector('#erreurs').getBoundingClientRect().top");
        Assert.InRange(top, -1, height);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"74-module-erreur-{width}px");
    }
}
