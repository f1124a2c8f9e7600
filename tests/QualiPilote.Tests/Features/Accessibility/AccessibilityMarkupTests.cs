using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Accessibility;

/// <summary>What the keyboard-only walk of issue 14 asked of the markup, read over HTTP: the accessibility statement open to
/// everyone and linked from the footer, table containers that can take the focus under the caption's name, a page with
/// errors that says so in its title, fields and buttons named by more than a repeated word.</summary>
public class AccessibilityMarkupTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_statement_is_public_linked_from_the_footer_and_has_the_official_sections()
    {
        using var anonymous = Browser.Anonymous(factory);
        var home = await anonymous.GetPageAsync("/");
        Assert.Equal("Accessibilité : partiellement conforme", home.QuerySelector("footer a[href='/accessibilite']")!.TextContent);

        var page = await anonymous.GetPageAsync("/accessibilite");
        Assert.Equal("Déclaration d'accessibilité", page.QuerySelector("h1")!.TextContent);
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["État de conformité", "Résultats des tests", "Contenus non accessibles", "Établissement de cette déclaration",
            "Retour d'information et contact", "Voies de recours"], headings);
        Assert.Contains("partiellement conforme", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='https://formulaire.defenseurdesdroits.fr/']"));
    }

    [Fact]
    public async Task Table_containers_take_the_focus_under_their_caption_and_errors_show_in_the_title()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/2026");
        var containers = page.QuerySelectorAll("main .fr-table__container");
        Assert.NotEmpty(containers);
        Assert.All(containers, c =>
        {
            Assert.Equal("0", c.GetAttribute("tabindex"));
            Assert.Equal("region", c.GetAttribute("role"));
            var caption = page.GetElementById(c.GetAttribute("aria-labelledby")!);
            Assert.Equal("CAPTION", caption?.TagName);
            Assert.Same(caption, c.QuerySelector("caption"));
        });
        Assert.Equal(containers.Length, containers.Select(c => c.GetAttribute("aria-labelledby")).Distinct().Count());
        Assert.DoesNotContain("Erreur", page.Title, StringComparison.Ordinal);

        var create = await referent.GetPageAsync("/structures/pref-73/actions/nouvelle");
        Assert.Equal("/structures/pref-73/actions/nouvelle", create.QuerySelector("main form[method=post]")!.GetAttribute("action"));
        var failed = await Browser.ParseAsync(await referent.SubmitAsync(create, "main form[method=post]", new() { ["Input.Title"] = "" }));
        Assert.StartsWith("Erreur : Nouvelle action", failed.Title, StringComparison.Ordinal);
        Assert.Equal("erreur", failed.QuerySelector("#erreurs")!.GetAttribute("data-qp-focus"));
    }

    [Fact]
    public async Task Progress_has_bounds_and_the_skip_links_of_a_structure_page_pass_its_menu()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var actions = await referent.GetPageAsync("/structures/pref-73/actions");
        var action = actions.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href") ?? "")
            .First(h => System.Text.RegularExpressions.Regex.IsMatch(h, @"^/structures/pref-73/actions/\d+$"));
        var page = await referent.GetPageAsync(action + "/modifier");
        var progress = page.QuerySelector("input[name='Input.Progress']")!;
        Assert.Equal(("0", "100"), (progress.GetAttribute("min"), progress.GetAttribute("max")));

        var skip = page.QuerySelectorAll(".fr-skiplinks a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(("Contenu", "#contenu-structure"), skip[0]);
        Assert.Equal(("Menu de la structure", "#menu-de-la-structure"), skip[1]);
        Assert.NotNull(page.GetElementById("contenu-structure")!.QuerySelector("h1"));
        Assert.Equal("nav", page.GetElementById("menu-de-la-structure")!.LocalName);
    }
}
