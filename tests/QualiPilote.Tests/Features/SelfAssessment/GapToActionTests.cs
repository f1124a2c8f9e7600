using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>A gap becomes an improvement action in one click, pre-filled, and the two link to each other:
/// the action by its origin record (kind and id), the assessment by its ActionId.</summary>
public class GapToActionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_gap_becomes_an_action_in_one_click_linked_both_ways()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        var gap = await factory.RowAsync(2026, 14);
        var button = page.QuerySelector("#exigence-14-1 button[formaction]")!;
        Assert.Equal("Créer l'action d'amélioration pour l'écart 14.1", button.TextContent.Trim());

        var response = await relay.SubmitAsync(page, "#engagement-14 form", new(), action: button.GetAttribute("formaction"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/modules/1#exigence-14-1", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var row = await factory.RowAsync(2026, 14);
        var action = row.Action!;
        Assert.Equal(ActionOrigin.SelfAssessment, action.Origin);
        Assert.Equal(OriginKind.Assessment, action.OriginKind);
        Assert.Equal(row.Id, action.OriginId);
        Assert.Equal("Auto-diagnostic 2026, sous-engagement 14.1 : En cours", action.OriginDetail);
        Assert.StartsWith("14.1 – ", action.Title, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.ToStart, action.Status);
        Assert.Equal(new DateOnly(2026, 11, 23), action.StartDate);
        var dcl = await factory.WithDbAsync(db => db.Services.SingleAsync(s => s.Code == "DCL" && s.Structure.Code == "pref-73"));
        Assert.Equal(dcl.Id, action.ServiceId);
        Assert.Equal([await EngagementIdAsync(14)], action.Engagements.Select(e => e.EngagementId));
        // The button posts its engagement's form, which is saved first: the answer carried over from 2025 is now confirmed.
        Assert.True(gap.CarriedOver);
        Assert.False(row.CarriedOver);
        Assert.Equal(gap.Version + 2, row.Version);

        // Both ways: the action's link leads back to the row, the row shows its action.
        var details = await relay.GetPageAsync($"/structures/pref-73/actions/{action.Id}");
        var link = details.QuerySelectorAll("main dl a").Single(a => a.TextContent.Contains("origine", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal("/structures/pref-73/auto-diagnostic/2026#exigence-14-1", link);
        var back = await relay.GetPageAsync(link.Split('#')[0]);
        Assert.NotNull(back.QuerySelector($"#exigence-14-1 a[href='/structures/pref-73/actions/{action.Id}']"));
        var after = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        Assert.Null(after.QuerySelector("#exigence-14-1 button[formaction]"));
        Assert.Contains(action.Title, after.QuerySelector("#exigence-14-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("liée à l'écart 14.1", after.QuerySelector("#engagement-14 [role=status]")!.TextContent, StringComparison.Ordinal);
        var plan = await relay.GetPageAsync("/structures/pref-73/actions");
        Assert.Contains(action.Title, plan.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The button is gone; a forged second click on an up-to-date form is refused.
        var twice = await relay.SubmitAsync(after, "#engagement-14 form", new(), action: button.GetAttribute("formaction"));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("cet écart a déjà son action", (await Browser.ParseAsync(twice)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<ImprovementAction>().CountAsync(a => a.OriginKind == OriginKind.Assessment && a.OriginId == row.Id)));
    }

    [Fact]
    public async Task The_api_turns_a_gap_into_an_action_and_refuses_what_is_not_a_gap_or_not_theirs()
    {
        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var created = await referent.PostAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/assessments/42.1/action", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var row = await factory.RowAsync(2026, 42);
        Assert.Equal("assessment", body.GetProperty("originKind").GetString());
        Assert.Equal(row.Id, body.GetProperty("originId").GetInt32());
        Assert.Equal("/structures/pref-73/auto-diagnostic/2026#exigence-42-1", body.GetProperty("originLink").GetString());
        Assert.Equal(body.GetProperty("actionId").GetInt32(), row.ActionId);
        // Created points at the API's resource, which answers with the action.
        Assert.Equal($"/api/v1/structures/pref-73/actions/{row.ActionId}", created.Headers.Location!.OriginalString);
        var resource = await referent.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal(row.ActionId, resource.GetProperty("id").GetInt32());
        Assert.Equal(row.Id, resource.GetProperty("originId").GetInt32());
        var campaign = await referent.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/campaigns/2026");
        Assert.Equal(body.GetProperty("actionId").GetInt32(), campaign.GetProperty("assessments").EnumerateArray()
            .Single(a => a.GetProperty("requirement").GetString() == "42.1").GetProperty("actionId").GetInt32());

        var done = await referent.PostAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/assessments/1.1/action", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, done.StatusCode);
        Assert.Contains("seul un écart", (await done.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var relay = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var otherService = await relay.PostAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/assessments/32.1/action", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, otherService.StatusCode);
        Assert.Null((await factory.RowAsync(2026, 32)).ActionId);
    }

    private Task<int> EngagementIdAsync(int number) =>
        factory.WithDbAsync(db => db.Engagements.Where(e => e.Number == number && e.Referential.Code == "quali-ate").Select(e => e.Id).SingleAsync());
}
