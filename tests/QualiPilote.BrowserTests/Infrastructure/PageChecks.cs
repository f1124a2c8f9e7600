using System.Text.Json;
using Microsoft.Playwright;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Infrastructure;

public static class PageChecks
{
    private static readonly string AxeScript = File.ReadAllText(Path.Combine(BrowserApp.RepoRoot, "node_modules", "axe-core", "axe.min.js"));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Violations = [];

    /// <summary>Keeps what the browser refused under the content security policy (a blocked script leaves a blank page).</summary>
    public static void WatchPolicyViolations(IPage page)
    {
        var violations = Violations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url} : {message.Text}");
                }
            }
        };
    }

    /// <summary>Fails when the page had anything refused by the content security policy.</summary>
    public static void AssertNoPolicyViolation(this IPage page)
    {
        var violations = Violations.GetOrCreateValue(page);
        lock (violations)
        {
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        }
    }

    public static async Task LoginAsync(this IPage page, string email, string password = DemoData.Password)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        try
        {
            // Leaving the login page is what matters; the next page's own load is waited for by whoever reads it
            // (waiting for its load event here timed out once on a busy machine, the home page already shown).
            await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            // A sign-in that never leaves the login page failed once or twice under load; keep what the page showed.
            var name = $"echec-connexion-{DateTime.Now:HHmmss}";
            await page.ScreenshotAsync(name);
            // The URL tells a sign-in refused or never answered (still /connexion) from a next page that never finished loading.
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 2000 });
            throw new TimeoutException($"Connexion de {email} : page {page.Url}, capture {name}.png, texte : {text[..Math.Min(300, text.Length)]}", e);
        }
    }

    /// <summary>Runs axe-core (WCAG 2.x A/AA rules, the base of the RGAA) and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        page.AssertNoPolicyViolation();
        // Evaluated by the browser's debugging protocol, which the page's content security policy does not govern.
        await page.EvaluateAsync(AxeScript);
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })");
        var problems = result.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) : {v.GetProperty("help").GetString()} – "
                + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("html").GetString())))
            .ToList();
        Assert.True(problems.Count == 0, $"{page.Url} :{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>A full-page screenshot. Charts redraw, animated, when the viewport changes size, and a full-page capture
    /// resizes it: on a page with charts the viewport is first stretched to the whole page and the charts given time to
    /// settle, so that the picture shows them as a reader sees them.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var viewport = page.ViewportSize;
        var charts = viewport is not null && await page.Locator("canvas").CountAsync() > 0;
        if (charts)
        {
            var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            await page.SetViewportSizeAsync(viewport!.Width, height);
            await page.WaitForTimeoutAsync(1500);
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, name + ".png"), FullPage = true });
        if (charts)
        {
            await page.SetViewportSizeAsync(viewport!.Width, viewport.Height);
        }
    }
}
