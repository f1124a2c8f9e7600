using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>Tables that scroll sideways must scroll by keyboard (issue 14, « Keyboard-only walk » 1; RGAA 7.3, axe
/// <c>scrollable-region-focusable</c>). Every page that has a table passes axe-core at 390 px and 1280 px, and every table
/// container that overflows is a named tab stop. The list of pages is checked against the views that hold a DSFR table,
/// so a new table cannot be left out.</summary>
public class TableAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>A view holding a table, where to see it, and whose account shows it. <c>Follow</c>: from that page, open in turn the
    /// first link matching each selector (pages whose address holds an id).</summary>
    private sealed record Target(string View, string Url, bool Admin = false, params string[] Follow);

    private static readonly Target[] Targets =
    [
        new("Audits/Index.cshtml", "/structures/pref-73/audits"),
        new("Audits/Details.cshtml", "/structures/pref-73/audits", false, "main a[href^='/structures/pref-73/audits/']:not([href$='nouveau'])"),
        new("Access/Members.cshtml", "/structures/pref-73/membres"),
        new("Access/RolesHelp.cshtml", "/roles"),
        new("Admin/Users.cshtml", "/admin/utilisateurs", Admin: true),
        new("Notifications/Index.cshtml", "/notifications"),
        new("Notifications/Reminders.cshtml", "/admin/relances", Admin: true),
        // Its table compares versions after a conflicting save; the page itself is checked without it.
        new("ActionPlan/Edit.cshtml", "/structures/pref-73/actions", false, "main table a[href^='/structures/pref-73/actions/']", "main a[href$='/modifier']"),
        new("ActionPlan/_ActionTable.cshtml", "/structures/pref-73/actions"),
        new("Registers/Index.cshtml", "/structures/ddt-73/registres"),
        new("Registers/Deadlines.cshtml", "/structures/pref-73/registres/delais"),
        new("Registers/_ImportForm.cshtml", "/structures/pref-73/registres/courriers/importer"),
        new("Registers/Correspondence.cshtml", "/structures/pref-73/registres/courriers"),
        new("AuditTrail/_AuditEntries.cshtml", "/structures/pref-73/journal"),
        new("SelfAssessment/Rates.cshtml", "/structures/pref-73/auto-diagnostic/2025/taux"),
        new("SelfAssessment/Index.cshtml", "/structures/pref-73/auto-diagnostic"),
        new("SelfAssessment/SpPlus/Diagnostic.cshtml", "/structures/pref-73/auto-diagnostic/2025/services-publics-plus"),
        new("SelfAssessment/SpPlus/Targets.cshtml", "/services-publics-plus/cibles", Admin: true),
        new("SelfAssessment/Home/SelfAssessmentProgress.cshtml", "/"),
        new("SelfAssessment/Evidence/Index.cshtml", "/structures/pref-73/preuves"),
        new("SelfAssessment/Campaign.cshtml", "/structures/pref-73/auto-diagnostic/2026"),
        new("Home/_HomeActions.cshtml", "/"),
        new("Home/_HomeMilestones.cshtml", "/"),
        new("Indicators/Index.cshtml", "/structures/pref-73/indicateurs"),
        new("Indicators/Catalogue.cshtml", "/indicateurs"),
        new("Indicators/Details.cshtml", "/structures/pref-73/indicateurs", false, "main a.qp-value"),
        new("Indicators/Settings.cshtml", "/structures/pref-73/indicateurs/reglages"),
        new("Indicators/CheckTallies.cshtml", "/admin/comptages?verifier=oui", Admin: true),
        new("Indicators/_IndicatorAlerts.cshtml", "/"),
        new("Structures/Index.cshtml", "/structures"),
        new("Structures/Details.cshtml", "/structures/pref-73"),
        new("Structures/Perimeter.cshtml", "/structures/pref-73/perimetre"),
        new("PublicResults/Publish.cshtml", "/structures/pref-73/publication", false, "main a[href^='/structures/pref-73/publication/']"),
        new("PublicResults/Publication.cshtml", "/structures/pref-73/publication"),
        new("Referentials/Index.cshtml", "/referentiels"),
        new("Referentials/Import.cshtml", "/referentiels/importer", Admin: true),
    ];

    [Fact]
    public void Every_view_with_a_table_is_in_the_list()
    {
        var features = Path.Combine(BrowserApp.RepoRoot, "src", "QualiPilote.Web", "Features");
        var views = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("class=\"fr-table__container\"", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(features, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(views, Targets.Select(t => t.View).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task Every_page_with_a_table_passes_axe_and_its_scrolling_tables_take_the_focus(int width, int height)
    {
        var referent = await app.NewPageAsync(width, height);
        await referent.LoginAsync(DemoData.SavoieReferent.Email);
        // « Lots écrits dans les registres » lists an import: its last column was cut at 1280 px.
        await ImportLettersAsync(referent);
        var admin = await app.NewPageAsync(width, height);
        await admin.LoginAsync(DemoData.Admin.Email);

        var overflowing = 0;
        foreach (var url in Targets.Select(t => (t.Url, t.Admin, Follow: string.Join(" >> ", t.Follow))).Distinct())
        {
            var page = url.Admin ? admin : referent;
            await page.GotoAsync(url.Url);
            foreach (var selector in url.Follow.Split(" >> ", StringSplitOptions.RemoveEmptyEntries))
            {
                var link = page.Locator(selector).First;
                Assert.True(await link.CountAsync() > 0, $"{page.Url} : aucun lien {selector}");
                await page.GotoAsync((await link.GetAttributeAsync("href"))!);
            }
            await page.WaitForLoadStateAsync(LoadState.Load);
            var tables = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
                () => [...document.querySelectorAll('main .fr-table__container')].map(c => ({
                    overflows: c.scrollWidth > c.clientWidth + 1,
                    focusable: c.tabIndex >= 0,
                    role: c.getAttribute('role') ?? '',
                    name: (c.getAttribute('aria-labelledby') ? document.getElementById(c.getAttribute('aria-labelledby'))?.textContent : c.getAttribute('aria-label'))?.trim() ?? ''
                }))
                """);
            foreach (var table in tables.EnumerateArray().Select(t => new TableState(
                t.GetProperty("overflows").GetBoolean(), t.GetProperty("focusable").GetBoolean(), t.GetProperty("role").GetString()!, t.GetProperty("name").GetString()!)))
            {
                Assert.Equal("region", table.Role);
                Assert.False(string.IsNullOrEmpty(table.Name), $"{page.Url} : un tableau sans nom");
                Assert.True(!table.Overflows || table.Focusable, $"{page.Url} : « {table.Name} » déborde sans pouvoir prendre le focus");
                overflowing += table.Overflows ? 1 : 0;
            }
            await page.AssertAccessibleAsync();
        }
        // The 390 px pass is only worth something if some tables do scroll there.
        if (width == 390)
        {
            Assert.True(overflowing >= 3, $"seulement {overflowing} tableau(x) défilant(s) à 390 px");
        }

        await referent.GotoAsync("/structures/ddt-73/registres");
        await referent.ScreenshotAsync($"90-registres-lots-{width}px");
        await referent.GotoAsync("/structures/pref-73/auto-diagnostic/2026?module=4");
        await referent.ScreenshotAsync($"91-grille-module-4-{width}px");
        await admin.GotoAsync("/admin/comptages?verifier=oui");
        await admin.ScreenshotAsync($"97-controle-comptages-{width}px");
    }

    [Fact]
    public async Task A_wide_table_scrolls_with_the_arrow_keys_once_tabbed_to()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await page.GotoAsync("/structures/pref-73/auto-diagnostic/2026");
        var container = page.Locator("main .fr-table__container[tabindex='0']").First;
        await container.FocusAsync();
        Assert.Equal("region", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('role')"));
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("End");
        Assert.True(await container.EvaluateAsync<double>("c => c.scrollLeft") > 0, "le tableau ne défile pas au clavier");
    }

    private static async Task ImportLettersAsync(IPage page)
    {
        var csv = new StringBuilder("reference;service;canal;recu_le;repondu_le;contact\n");
        for (var i = 0; i < 20; i++)
        {
            var received = new DateOnly(2026, 10, 1 + i);
            csv.Append(CultureInfo.InvariantCulture, $"TAB-{i:00000};ACC;courrier;{received:dd/MM/yyyy};{received.AddDays(3):dd/MM/yyyy};oui\n");
        }
        await page.GotoAsync("/structures/ddt-73/registres/courriers/importer");
        await page.GetByLabel("Fichier du registre").SetInputFilesAsync(new FilePayload { Name = "courriers-octobre-2026.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registres");
    }

    private sealed record TableState(bool Overflows, bool Focusable, string Role, string Name);
}
