using System.Net;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;

namespace QualiPilote.Tests.Features.Indicators;

/// <summary>Values below target appear on the quality referent's home page and become an improvement action in one click.</summary>
public class AlertsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_referents_home_page_flags_values_below_target_and_one_click_opens_an_action()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var home = await browser.GetPageAsync("/");
        var section = home.QuerySelector("#alertes-indicateurs")!.ParentElement!;
        var row = section.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Délai de réponse aux courriels", StringComparison.Ordinal) && r.TextContent.Contains("T4 2026", StringComparison.Ordinal));
        Assert.Contains("Alerte", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(section.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Taux d'appels décrochés", StringComparison.Ordinal));

        var response = await browser.SubmitAsync(home, $"form[action='/structures/pref-73/indicateurs/delai-courriels/2026-T4/action']", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (action, alert) = await factory.WithDbAsync(async db =>
        {
            var raised = await db.Set<IndicatorAlert>().SingleAsync();
            var a = await db.Set<ImprovementAction>().SingleAsync(x => x.Origin == ActionOrigin.IndicatorAlert && x.OriginKind == OriginKind.IndicatorAlert && x.OriginId == raised.Id);
            return (a, raised);
        });
        var actionPage = await browser.GetPageAsync($"/structures/pref-73/actions/{action.Id}");
        Assert.Equal("/structures/pref-73/indicateurs/delai-courriels/2026-T4",
            actionPage.QuerySelectorAll("main dl a").Single(a => a.TextContent.Contains("origine", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Contains("69,35", action.OriginDetail, StringComparison.Ordinal);
        Assert.Equal(action.Id, alert.ActionId);
        Assert.Equal($"/structures/pref-73/actions/{action.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(69.35, alert.Value);

        // A second click finds the same action; the home page now says the action is open.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/structures/pref-73/indicateurs/delai-courriels/2026-T4/action")).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<ImprovementAction>().CountAsync(x => x.OriginKind == OriginKind.IndicatorAlert && x.OriginId == alert.Id)));
        var after = await browser.GetPageAsync("/");
        Assert.Contains("Action ouverte", after.QuerySelectorAll("#alertes-indicateurs ~ .fr-table tbody tr")
            .Single(r => r.TextContent.Contains("courriels", StringComparison.Ordinal) && r.TextContent.Contains("T4 2026", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        var detail = await browser.GetPageAsync("/structures/pref-73/indicateurs/delai-courriels/2026-T4");
        Assert.Contains("Action d'amélioration ouverte", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_meets_its_target_opens_no_action_and_only_managers_may_open_one()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/structures/pref-73/indicateurs/delai-courriers/2023/action");
        var response = await browser.SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("atteint sa cible", (await Browser.ParseAsync(response)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var refused = await agent.PostAsync("/structures/pref-73/indicateurs/delai-courriels/2026-T4/action");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/acces-refuse", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null((await agent.GetPageAsync("/")).QuerySelector("#alertes-indicateurs"));
    }
}
