using System.Net;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>The module form: one form and one save per engagement, the position kept after an error, requirement texts
/// that only repeat their engagement shown once, the import notice for those who can act on it, words agreed in number.</summary>
public class ModulePageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Module1 = "/structures/pref-73/auto-diagnostic/2026/modules/1";

    [Fact]
    public async Task Each_engagement_has_its_form_and_an_error_comes_back_inside_that_block_focused_and_marked()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync(Module1);
        var sections = page.QuerySelectorAll("section.qp-engagement");
        Assert.Equal(17, sections.Length);
        Assert.All(sections, s =>
        {
            Assert.Single(s.QuerySelectorAll("form[method=post]"));
            Assert.Single(s.QuerySelectorAll("button[type=submit]:not([formaction])"));
            // No fragment: a stale one would bring the page back at another block (the summary's focus brings it back here).
            Assert.Equal(Module1, s.QuerySelector("form")!.GetAttribute("action"));
        });

        var row = SelfAssessmentData.RowPrefix(page, 9);
        var failed = await referent.SubmitAsync(page, "#engagement-9 form", new() { [$"{row}.Status"] = "NotApplicable", [$"{row}.Comment"] = "" });
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var back = await Browser.ParseAsync(failed);
        var summary = back.QuerySelector("#engagement-9 #erreurs");
        Assert.NotNull(summary);
        Assert.Equal("erreur", summary.GetAttribute("data-qp-focus"));
        Assert.StartsWith("Erreur : ", back.Title, StringComparison.Ordinal);
        var comment = back.QuerySelector($"#engagement-9 textarea[name='{row}.Comment']")!;
        Assert.Equal("true", comment.GetAttribute("aria-invalid"));
        Assert.Single(back.QuerySelectorAll("#erreurs"));
        Assert.Equal("Le formulaire contient une erreur", summary.QuerySelector("h2")!.TextContent);
        Assert.Equal("NotApplicable", back.QuerySelector($"#engagement-9 input[name='{row}.Status'][checked]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_requirement_repeating_its_engagement_is_shown_once_and_the_import_notice_is_for_referents_only()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        foreach (var url in new[] { Module1, "/structures/pref-73/auto-diagnostic/2026" })
        {
            var page = await referent.GetPageAsync(url);
            var main = page.QuerySelector("main")!.TextContent;
            Assert.DoesNotContain("texte détaillé à importer", main, StringComparison.Ordinal);
            Assert.DoesNotContain("fait foi", main, StringComparison.Ordinal);
            Assert.Contains("Sous-engagements officiels du module 1 à importer", main, StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("main a[href='/referentiels/importer']"));
        }
        var module = await referent.GetPageAsync(Module1);
        Assert.Single(module.QuerySelectorAll(".qp-import-notice"));
        var legend = module.QuerySelector("#engagement-15 legend")!.TextContent;
        Assert.DoesNotContain("Nous vous répondons dans un délai annoncé", legend, StringComparison.Ordinal);
        Assert.Single(module.QuerySelectorAll("#engagement-15-titre"));

        var adminPage = await admin.GetPageAsync(Module1);
        Assert.NotNull(adminPage.QuerySelector(".qp-import-notice a[href='/referentiels/importer']"));
        var relayGrid = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026");
        Assert.Empty(relayGrid.QuerySelectorAll(".qp-import-notice"));
    }

    [Fact]
    public async Task Figures_say_what_they_count_with_words_agreed_in_number()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var module = await referent.GetPageAsync(Module1);
        var main = module.QuerySelector("main")!.TextContent;
        Assert.Contains("Commentaire", module.QuerySelector("label[for$='-Comment']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(facultatif)", main, StringComparison.Ordinal);
        Assert.Contains("Obligatoire si vous choisissez « non applicable »", main, StringComparison.Ordinal);
        var grid = (await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/2026")).QuerySelector("main")!.TextContent;
        foreach (var text in new[] { main, grid })
        {
            Assert.DoesNotContain("(s)", text, StringComparison.Ordinal);
        }
        Assert.Matches(@"\d+ sous-engagements réalisés sur \d+ applicables", grid);
        Assert.Matches(@"\d+ sous-engagements évalués cette année sur 36", grid);
        var actions = (await referent.GetPageAsync("/structures/pref-73/actions")).QuerySelector("p[role=status]")!.TextContent;
        Assert.DoesNotMatch(@"\b([2-9]|\d\d+) réalisée\b", actions);
    }

    [Theory]
    [InlineData(0, "réalisée", null, "0 réalisée")]
    [InlineData(1, "réalisée", null, "1 réalisée")]
    [InlineData(3, "réalisée", null, "3 réalisées")]
    [InlineData(4, "erreur", null, "4 erreurs")]
    [InlineData(2, "en cours", "en cours", "2 en cours")]
    [InlineData(1234, "preuve", null, "1\u202f234 preuves")]
    public void Counts_agree_in_number(int count, string singular, string? plural, string expected) =>
        Assert.Equal(expected, Fr.Count(count, singular, plural));
}
