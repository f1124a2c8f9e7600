using System.Net;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;

namespace QualiPilote.Tests.Features.ActionPlan;

/// <summary>An action raised from a record shows « Voir l'origine de l'action », a link built from the record's kind and id
/// that leads to the page and the place showing the record; the API answers the same link. Every kind is tried, so a new
/// kind without its link fails here.</summary>
public class ActionOriginLinkTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Each_kind_of_origin_links_back_to_its_record_on_the_action_page_and_in_the_api()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var (auditId, findingId) = await factory.WithDbAsync(db => db.Set<AuditFinding>()
            .Where(f => f.Description.StartsWith("Exploiter les avis « Je donne mon avis »")).Select(f => new ValueTuple<int, int>(f.AuditId, f.Id)).SingleAsync());

        var raised = new Dictionary<OriginKind, (Func<Task<int>> Raise, string Link)>
        {
            [OriginKind.Assessment] = (async () =>
                (await (await api.PostAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/assessments/42.1/action", UriKind.Relative), null)).JsonAsync())
                    .GetProperty("actionId").GetInt32(),
                "/structures/pref-73/auto-diagnostic/2026#exigence-42-1"),
            [OriginKind.AuditFinding] = (async () =>
                (await (await api.PostAsync(new Uri($"/api/v1/structures/pref-73/audits/{auditId}/findings/{findingId}/action", UriKind.Relative), null)).JsonAsync())
                    .GetProperty("id").GetInt32(),
                $"/structures/pref-73/audits/{auditId}#constat-{findingId}"),
            [OriginKind.IndicatorAlert] = (async () =>
            {
                var response = await browser.PostAsync("/structures/pref-73/indicateurs/delai-courriels/2026-T4/action");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                return await factory.WithDbAsync(db => db.Set<IndicatorAlert>().Where(a => a.Period == "2026-T4" && a.Indicator.Code == "delai-courriels")
                    .Select(a => a.ActionId!.Value).SingleAsync());
            }, "/structures/pref-73/indicateurs/delai-courriels/2026-T4"),
        };
        Assert.Equal(Enum.GetValues<OriginKind>(), raised.Keys.Order());

        foreach (var (kind, (raise, expected)) in raised)
        {
            var actionId = await raise();
            var stored = await factory.WithDbAsync(db => db.Set<ImprovementAction>().SingleAsync(a => a.Id == actionId));
            Assert.Equal(kind, stored.OriginKind);

            var page = await browser.GetPageAsync($"/structures/pref-73/actions/{actionId}");
            var link = page.QuerySelectorAll("main dl a").Single(a => a.TextContent.Contains("Voir l'origine", StringComparison.Ordinal)).GetAttribute("href")!;
            Assert.Equal(expected, link);
            var parts = link.Split('#');
            var target = await browser.GetPageAsync(parts[0]);
            if (parts.Length > 1)
            {
                Assert.NotNull(target.GetElementById(parts[1]));
            }

            var dto = await (await api.GetAsync(new Uri($"/api/v1/structures/pref-73/actions/{actionId}", UriKind.Relative))).JsonAsync();
            Assert.Equal(stored.OriginId, dto.GetProperty("originId").GetInt32());
            Assert.Equal(expected, dto.GetProperty("originLink").GetString());
        }
    }

    [Fact]
    public async Task An_action_written_by_hand_has_no_origin_link()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var manual = await factory.WithDbAsync(db => db.Set<ImprovementAction>()
            .Where(a => a.Structure.Code == "pref-73" && a.OriginKind == null).Select(a => a.Id).FirstAsync());
        var page = await browser.GetPageAsync($"/structures/pref-73/actions/{manual}");
        Assert.DoesNotContain(page.QuerySelectorAll("main dl a"), a => a.TextContent.Contains("Voir l'origine", StringComparison.Ordinal));
    }
}
