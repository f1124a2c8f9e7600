using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The keyboard-only walk of issue 14: a failed save puts the focus on the error summary and says so in the title,
/// the module page comes back at the engagement being edited, a message after a save or a sign-out takes the focus, and the
/// skip link « Contenu » of a structure page lands past its breadcrumb and side menu. Keys only, no clicks.</summary>
public class KeyboardWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static Task<string> FocusedAsync(IPage page, string expression = "document.activeElement.id") =>
        page.EvaluateAsync<string>($"() => {expression}");

    [Fact]
    public async Task A_refused_sign_in_puts_the_focus_on_the_error_summary()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FocusAsync();
        await page.Keyboard.TypeAsync(DemoData.SavoieReferent.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("pas-le-bon-mot-de-passe");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#erreurs")).ToBeFocusedAsync();
        Assert.StartsWith("Erreur : Connexion", await page.TitleAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("92-connexion-refusee-focus");
    }

    [Fact]
    public async Task An_action_without_title_comes_back_focused_on_the_summary_whose_link_leads_to_the_field()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.GotoAsync("/structures/pref-73/actions/nouvelle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter au plan d'action" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#erreurs")).ToBeFocusedAsync();
        Assert.StartsWith("Erreur : Nouvelle action", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("#", page.Url, StringComparison.Ordinal);
        // The first Tab from the summary reaches its first link, which leads to the field in error.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('#erreurs') !== null"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await FocusedAsync(page, "document.activeElement.getAttribute('aria-invalid') ?? ''"));
        await page.ScreenshotAsync("93-action-sans-titre-focus-390px");
    }

    [Fact]
    public async Task The_module_page_focuses_the_saved_message_then_a_failed_save_comes_back_at_its_engagement()
    {
        var page = await app.NewPageAsync(1280, 900);
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.GotoAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        var form14 = page.Locator("#engagement-14 form");
        Assert.DoesNotContain("#", await form14.GetAttributeAsync("action") ?? "#", StringComparison.Ordinal);
        // The comment's label names its requirement: seventeen « Commentaire » in one page told nothing apart.
        await Assertions.Expect(page.Locator("#engagement-14 textarea").First).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Commentaire sur 14\\.1"));

        await page.Locator("#engagement-14 input[type=radio][value=Done]").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'engagement 14" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // After the save the address carries #engagement-14 and the message there takes the focus.
        await Assertions.Expect(page.Locator("#engagement-14 [role=status]")).ToBeFocusedAsync();
        Assert.EndsWith("#engagement-14", page.Url, StringComparison.Ordinal);

        // A failed save further up posts without that fragment: the page comes back at engagement 9, its summary focused.
        var block = page.Locator("#engagement-9");
        await block.Locator("input[type=radio][value=NotApplicable]").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await block.Locator("textarea").First.FillAsync("");
        await block.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'engagement 9" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#engagement-9 #erreurs")).ToBeFocusedAsync();
        Assert.DoesNotContain("#", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Erreur : ", await page.TitleAsync(), StringComparison.Ordinal);
        var top = await page.EvaluateAsync<double>("() => document.querySelector('#engagement-9 #erreurs').getBoundingClientRect().top");
        Assert.InRange(top, 0, 900);
        var comment = block.Locator("textarea").First;
        Assert.Equal("true", await comment.GetAttributeAsync("aria-invalid"));
        var file = block.Locator("input[type=file]").First;
        var describedBy = await file.GetAttributeAsync("aria-describedby");
        Assert.NotNull(describedBy);
        Assert.Equal(1, await page.Locator($"#{describedBy}").CountAsync());
        await page.AssertAccessibleAsync();
        // What the screen shows, not the whole page: the summary of engagement 9 in view, focused.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, "94-module-erreur-focus.png") });
    }

    [Fact]
    public async Task The_skip_link_of_a_structure_page_lands_past_the_breadcrumb_and_side_menu()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.GotoAsync("/structures/pref-73/actions");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Contenu", await FocusedAsync(page, "document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("contenu-structure", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('#contenu-structure') !== null"),
            "la touche Tab après « Contenu » sort de la colonne de la page");

        await page.GotoAsync("/structures/pref-73/actions");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Menu de la structure", await FocusedAsync(page, "document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("menu-de-la-structure", await FocusedAsync(page));
    }

    [Fact]
    public async Task Signing_out_says_so_and_the_message_takes_the_focus()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieAgent.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/connexion", StringComparison.Ordinal));
        var message = page.Locator("main [role=status]");
        await Assertions.Expect(message).ToContainTextAsync("Vous êtes déconnecté·e.");
        await Assertions.Expect(message).ToBeFocusedAsync();
        await page.ScreenshotAsync("95-deconnexion-message");

        // The footer's compliance state links to the accessibility statement, open to everyone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Accessibilité : partiellement conforme" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Déclaration d'accessibilité");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("partiellement conforme");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("96-declaration-accessibilite");
    }

    [Fact]
    public async Task Dashboard_values_and_home_buttons_have_names_of_their_own()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        var buttons = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main button')].filter(b => b.textContent.trim().startsWith('Ouvrir une action')).map(b => b.textContent.replace(/\\s+/g, ' ').trim())");
        Assert.Equal(buttons.Length, buttons.Distinct().Count());

        await page.GotoAsync("/structures/pref-73/indicateurs");
        var names = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main a.qp-value')].map(a => (a.getAttribute('aria-label') ?? '').endsWith(a.textContent.trim()) ? a.getAttribute('aria-label') : 'sans la valeur affichée')");
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(@"^\D.*, .* : .*\d", n));
    }
}
