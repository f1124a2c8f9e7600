using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Notifications;

namespace QualiPilote.Tests.Features.Notifications;

/// <summary>Each kind can be switched off by the person, on the page (without JavaScript) and through the API,
/// with the version checked on save.</summary>
public class NotificationPreferencesTests(MailFolderAppFactory factory) : IClassFixture<MailFolderAppFactory>
{
    private static readonly Uri Api = new("/api/v1/notifications/preferences", UriKind.Relative);

    private async Task<ReminderRun> RunAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<ActionReminderJob>().RunAsync("test");
    }

    [Fact]
    public async Task A_kind_switched_off_on_the_page_is_neither_created_nor_shown()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync("/notifications/preferences");
        Assert.Equal("Choisir mes notifications", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(4, page.QuerySelectorAll("main input[type=checkbox][checked]").Length);
        Assert.Equal("0", page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));

        // Unchecking the label and the indicators (a form without JavaScript sends only the checked boxes).
        var form = page.QuerySelector("main form")!;
        form.QuerySelector("#preference-labelexpiry")!.RemoveAttribute("checked");
        form.QuerySelector("#preference-indicatoralerts")!.RemoveAttribute("checked");
        var response = await referent.SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await referent.GetPageAsync("/notifications/preferences");
        Assert.Contains("vous ne recevez plus « Indicateurs sous leur cible ou leur seuil d'alerte », « Échéance du label »", page.QuerySelector(".fr-alert--success")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#preference-labelexpiry")!.GetAttribute("checked"));
        Assert.NotNull(page.QuerySelector("#preference-campaigndeadlines")!.GetAttribute("checked"));
        Assert.Equal("1", page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));

        await RunAsync();
        var kinds = await factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.User.Email == DemoData.SavoieReferent.Email).Select(n => n.Kind).Distinct().ToListAsync());
        Assert.DoesNotContain(NotificationKind.LabelExpiry, kinds);
        Assert.DoesNotContain(NotificationKind.IndicatorAlert, kinds);
        Assert.Contains(NotificationKind.CampaignDeadline, kinds);
        Assert.Contains(NotificationKind.ActionOverdue, kinds);
        // Others still get theirs: the relay referent kept everything.
        Assert.True(await factory.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.User.Email == DemoData.SavoieRelay.Email && n.Kind == NotificationKind.CampaignDeadline)));

        // Switching the campaigns off hides those already received from the list, the header count and the API.
        page = await referent.GetPageAsync("/notifications/preferences");
        page.QuerySelector("#preference-campaigndeadlines")!.RemoveAttribute("checked");
        page.QuerySelector("#preference-labelexpiry")!.RemoveAttribute("checked");
        page.QuerySelector("#preference-indicatoralerts")!.RemoveAttribute("checked");
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(page, "main form", [])).StatusCode);
        var list = await referent.GetPageAsync("/notifications");
        var rows = list.QuerySelectorAll("main tbody tr");
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("auto-diagnostic", StringComparison.Ordinal));
        var visible = await factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.User.Email == DemoData.SavoieReferent.Email && n.Kind != NotificationKind.CampaignDeadline && n.ReadAt == null));
        Assert.Equal($"{visible} {(visible > 1 ? "non lues" : "non lue")}", list.QuerySelector("#notifications-entete .qp-count")!.TextContent.Trim());
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var listed = await (await api.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).JsonAsync();
        Assert.DoesNotContain(listed.EnumerateArray(), n => n.GetProperty("kind").GetString() == "campaignDeadline");
    }

    [Fact]
    public async Task A_stale_save_gets_a_french_conflict_on_the_page_and_409_on_the_api()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var stale = await relay.GetPageAsync("/notifications/preferences");
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var read = await (await api.GetAsync(Api)).JsonAsync();
        Assert.Equal((0, true), (read.GetProperty("version").GetInt32(), read.GetProperty("actions").GetBoolean()));

        var saved = await api.PutAsJsonAsync(Api, new { actions = false, indicatorAlerts = true, labelExpiry = true, campaignDeadlines = true, version = 0 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await saved.JsonAsync()).GetProperty("version").GetInt32());

        // The page read at version 0 is refused; the form then shows what is stored and the new version.
        var response = await relay.SubmitAsync(stale, "main form", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Vos préférences ont été modifiées ailleurs", page.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#preference-actions")!.GetAttribute("checked"));
        Assert.Equal("1", page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Set<NotificationPreference>().Where(p => p.User.Email == DemoData.SavoieRelay.Email).Select(p => p.Actions).SingleAsync()));

        // The API refuses its own stale write too, in French, with what is stored.
        var conflict = await api.PutAsJsonAsync(Api, new { actions = true, indicatorAlerts = true, labelExpiry = true, campaignDeadlines = true, version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);
        var problem = await conflict.JsonAsync();
        Assert.Equal("Conflit", problem.GetProperty("title").GetString());
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.False(problem.GetProperty("current").GetProperty("actions").GetBoolean());

        // A body without a field is refused, naming it.
        var invalid = await api.PutAsJsonAsync(Api, new { actions = true, version = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains((await invalid.JsonAsync()).GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "indicatorAlerts");
    }

    [Fact]
    public async Task Preferences_are_each_person_s_own_and_need_a_signed_in_person()
    {
        using var lozere = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.OK, (await lozere.PutAsJsonAsync(Api, new { actions = false, indicatorAlerts = false, labelExpiry = false, campaignDeadlines = false, version = 0 })).StatusCode);
        // Someone no other test of this class changes: still everything on.
        using var savoie = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        var mine = await (await savoie.GetAsync(Api)).JsonAsync();
        Assert.True(mine.GetProperty("labelExpiry").GetBoolean());
        Assert.True(mine.GetProperty("actions").GetBoolean());

        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync(Api, new { actions = false, version = 0 })).StatusCode);
        var page = await anonymous.GetAsync(new Uri("/notifications/preferences", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/connexion", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
