using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The grid of a full Quali-ATE perimeter (all 8 modules, 43 engagements) stays usable: nothing scrolls sideways
/// at 1280 px, it is filled with the keyboard alone, and it works with JavaScript switched off.</summary>
public class FullPerimeterGridTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Code = "pref-05";
    private const string Campaign = $"/structures/{Code}/auto-diagnostic/2026";

    /// <summary>What overflows sideways: the page itself, and any scrolling box inside it (a DSFR table wrapper, for one).</summary>
    private const string Overflow = """
        () => {
            const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
            const boxes = [...document.querySelectorAll('body *')].filter(e => {
                const style = getComputedStyle(e);
                return (style.overflowX === 'auto' || style.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1;
            }).map(e => e.tagName + '.' + e.className);
            return JSON.stringify({ page, boxes });
        }
        """;

    [Fact]
    public async Task A_grid_of_43_engagements_fits_1280_pixels_without_scrolling_sideways()
    {
        await EnsureFullPerimeterAsync();
        var page = await app.NewPageAsync(1280, 900);
        await page.LoginAsync(DemoData.Admin.Email);
        foreach (var (url, name) in new[]
        {
            (Campaign, "32-grille-perimetre-complet"),
            ($"{Campaign}/modules/1", "33-module-1-perimetre-complet"),
            ($"{Campaign}/taux", "34-taux-perimetre-complet"),
            ($"{Campaign}/services-publics-plus", "35-sp-plus-perimetre-complet"),
        })
        {
            await page.GotoAsync(url);
            var overflow = JsonDocument.Parse(await page.EvaluateAsync<string>(Overflow)).RootElement;
            Assert.True(overflow.GetProperty("page").GetInt32() <= 0 && overflow.GetProperty("boxes").GetArrayLength() == 0, $"{url} déborde : {overflow}");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(name);
        }
        await page.GotoAsync(Campaign);
        Assert.Equal(43, await page.Locator("tbody[id^=engagement-]").CountAsync());
    }

    [Fact]
    public async Task The_grid_is_filled_with_the_keyboard_alone()
    {
        await EnsureFullPerimeterAsync();
        var page = await app.NewPageAsync(1280, 900);
        await page.LoginAsync(DemoData.Admin.Email);
        await page.GotoAsync($"{Campaign}/modules/8");

        await TabUntilAsync(page, "document.activeElement.name?.endsWith('.Status') && document.activeElement.closest('#engagement-39') !== null");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("Done", await page.EvaluateAsync<string>("document.activeElement.value"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("TEXTAREA", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await page.Keyboard.TypeAsync("Cellule de communication activée en 40 minutes lors de l'exercice de mars.");
        await TabUntilAsync(page, "document.activeElement.textContent?.trim() === \"Enregistrer l'engagement 39\"");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#engagement-39 [role=status]")).ToContainTextAsync("Engagement 39 enregistré");
        await Assertions.Expect(page.Locator("#engagement-39").GetByLabel("Réalisé")).ToBeCheckedAsync();
        await page.ScreenshotAsync("36-module-8-saisi-au-clavier");
    }

    [Fact]
    public async Task The_grid_works_without_javascript()
    {
        await EnsureFullPerimeterAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            JavaScriptEnabled = false,
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.LoginAsync(DemoData.Admin.Email);
        await page.GotoAsync($"{Campaign}/modules/2");
        var engagement = page.Locator("#engagement-24");

        await engagement.Locator("label[for$=-NotApplicable]").ClickAsync();
        await engagement.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'engagement 24" }).ClickAsync();
        await Assertions.Expect(page.Locator("#erreurs")).ToContainTextAsync("24.1 : « non applicable » doit être justifié dans le commentaire.");
        await page.ScreenshotAsync("37-sans-javascript-erreur");

        engagement = page.Locator("#engagement-24");
        await Assertions.Expect(engagement.GetByLabel("Non applicable", new() { Exact = true })).ToBeCheckedAsync();
        await engagement.GetByLabel("Commentaire").FillAsync("Aucun bâtiment en propre : le SGCD porte ces actions.");
        await engagement.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'engagement 24" }).ClickAsync();
        await Assertions.Expect(page.Locator("#engagement-24 [role=status]")).ToContainTextAsync("Engagement 24 enregistré");
        await context.CloseAsync();
    }

    private static async Task TabUntilAsync(IPage page, string condition, int max = 200)
    {
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => !!({condition})"))
            {
                return;
            }
        }
        Assert.Fail($"La touche Tab n'atteint pas : {condition}");
    }

    private static readonly SemaphoreSlim Setup = new(1, 1);

    /// <summary>A prefecture with every module of Quali-ATE 2024 in its perimeter and an open 2026 campaign, created
    /// through the API as an administrator would.</summary>
    private async Task EnsureFullPerimeterAsync()
    {
        if (!app.Available)
        {
            Assert.Skip($"{BrowserApp.Chromium} absent.");
        }
        await Setup.WaitAsync();
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoData.Admin.Email, password = DemoData.Password });
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            if ((await api.GetAsync(new Uri($"/api/v1/structures/{Code}/campaigns/2026", UriKind.Relative))).IsSuccessStatusCode)
            {
                return;
            }
            var referentials = await api.GetFromJsonAsync<JsonElement>("/api/v1/referentials");
            var quali = referentials.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "quali-ate").GetProperty("id").GetInt32();
            (await api.PostAsJsonAsync("/api/v1/structures", new { code = Code, name = "Préfecture des Hautes-Alpes (test)", type = "prefecture", department = "05" })).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync($"/api/v1/structures/{Code}/services", new { code = "ACC", name = "Accueil et relation aux usagers" })).EnsureSuccessStatusCode();
            var modules = Enumerable.Range(1, 8).ToDictionary(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => new[] { "ACC" });
            (await api.PutAsJsonAsync($"/api/v1/structures/{Code}/perimeter", new { referentialId = quali, decidedOn = "2026-01-12", decidedBy = "COPIL", modules })).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync($"/api/v1/structures/{Code}/campaigns", new { year = 2026, referentialId = quali })).EnsureSuccessStatusCode();
        }
        finally
        {
            Setup.Release();
        }
    }
}
