using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>What a new user saw at 1280 px (issue 12, « Mots et mise en page »): the indicator catalogue clipped in a
/// scrolling region no keyboard could reach, the import page's column example broken in the middle of a word, the
/// new-action button touching the date fields.</summary>
public class LayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Catalogue_import_example_and_new_action_form_read_well_at_1280_px()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);

        await page.GotoAsync("/indicateurs");
        var overflow = await page.EvaluateAsync<int>("() => { const t = document.querySelector('main .fr-table__content'); return t.scrollWidth - t.clientWidth; }");
        Assert.True(overflow <= 1, $"le tableau du catalogue déborde de {overflow} px");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/structures/pref-73/registres/courriers/importer");
        var example = page.Locator("pre.qp-pre").First;
        Assert.Equal("pre", await example.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
        var lines = await example.EvaluateAsync<int>("e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))");
        Assert.Equal(4, lines); // the header and three rows, none broken
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/structures/pref-73/actions/nouvelle");
        var gap = await page.EvaluateAsync<double>(
            "() => document.querySelector('main form button[type=submit]').getBoundingClientRect().top - document.querySelector('#Input_DueDate, #Input-DueDate, [name=\"Input.DueDate\"]').getBoundingClientRect().bottom");
        Assert.True(gap >= 16, $"le bouton est à {gap} px du champ d'échéance");
        await page.AssertAccessibleAsync();
    }
}
