using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Home;

public class HomePageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Anonymous_visitor_sees_the_login_invitation()
    {
        using var browser = Browser.Anonymous(factory);
        var page = await browser.GetPageAsync("/");
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Se connecter", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_referent_sees_the_structures_of_their_department()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/");
        var cards = page.QuerySelectorAll(".fr-card__title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Préfecture de la Savoie (démo)", cards);
        Assert.Contains("Sous-préfecture d'Albertville (démo)", cards);
        Assert.DoesNotContain("Préfecture de la Lozère (démo)", cards);
    }
}
