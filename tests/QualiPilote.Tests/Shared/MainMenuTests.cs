using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Shared;

/// <summary>The main menu marks the section of the page shown (the first segment of the generated path of its entry), and
/// the side menu of a structure marks its own entry.</summary>
public class MainMenuTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/", "Accueil")]
    [InlineData("/structures", "Structures")]
    [InlineData("/structures/pref-73/actions", "Structures")]
    [InlineData("/referentiels", "Référentiels")]
    [InlineData("/services-publics-plus", "Services Publics +")]
    [InlineData("/roles", "Qui peut faire quoi")]
    [InlineData("/admin/utilisateurs", "Administration")]
    public async Task The_main_menu_marks_the_section_of_the_page(string path, string current)
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var page = await admin.GetPageAsync(path);
        var marked = page.QuerySelectorAll("#navigation-principale a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([current], marked);
    }

    [Fact]
    public async Task The_side_menu_marks_the_structure_page_shown()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync("/structures/pref-73/retroplanning");
        var marked = page.QuerySelectorAll("#menu-de-la-structure a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Rétro-planning de labellisation"], marked);
    }
}
