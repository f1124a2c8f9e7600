using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The quality referent filters the journal of changes with its form, on a desktop and on a phone, and types a
/// wrong date; every state passes axe-core and the phone layout does not scroll sideways.</summary>
public class JournalTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Referent_filters_the_journal_on_a_desktop_and_reads_it_on_a_phone()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.GotoAsync("/structures/pref-73/journal");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Journal des modifications");
        await page.GetByLabel("Type de donnée").SelectOptionAsync(new SelectOptionValue { Label = "Constat d'audit" });
        await page.Locator("#du").FillAsync("01/11/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("type=AuditFinding", StringComparison.Ordinal) && url.Contains("du=01%2F11%2F2026", StringComparison.Ordinal));
        var change = page.Locator("li.qp-journal__entry").Filter(new() { HasText = "Modification" }).First;
        await Assertions.Expect(change.GetByRole(AriaRole.Rowheader, new() { Name = "Action d'amélioration" })).ToBeVisibleAsync();
        await Assertions.Expect(change.GetByRole(AriaRole.Columnheader, new() { Name = "Après" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("(heure de Paris)").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("60-journal-1280px");

        var url = page.Url;
        var phone = await app.NewPageAsync(390, 844);
        await phone.LoginAsync(DemoData.SavoieReferent.Email);
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.Locator("li.qp-journal__entry").First).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "le journal déborde en largeur sur un téléphone");
        // On a phone the two values of a change stand one under the other, each announced by its column's name.
        var before = phone.Locator("li.qp-journal__entry td[data-label='Avant']").First;
        var after = phone.Locator("li.qp-journal__entry td[data-label='Après']").First;
        var beforeBox = (await before.BoundingBoxAsync())!;
        var afterBox = (await after.BoundingBoxAsync())!;
        Assert.True(afterBox.Y >= beforeBox.Y + beforeBox.Height - 1, "« Après » devrait suivre « Avant » sur un téléphone");
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("61-journal-390px");

        await phone.Locator("#au").FillAsync("31/02/2026");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("Date de fin : « 31/02/2026 » n'est pas une date");
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("62-journal-date-erronee-390px");
    }
}
