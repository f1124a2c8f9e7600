using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Features.ActionPlan;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Notifications;

namespace QualiPilote.Tests.Features.Notifications;

/// <summary>The daily reminder on 23/11/2026: in Savoie one action is overdue (DCL-BI) and three are due within
/// 30 days (SG on 04/12 and 18/12, DCL on 15/12); in Lozère one is overdue.</summary>
public class ReminderTests(MailFolderAppFactory factory) : IClassFixture<MailFolderAppFactory>
{
    [Fact]
    public async Task The_reminder_record_is_unique_per_action_kind_and_period_even_for_a_concurrent_run()
    {
        var actionId = await factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Title == "Afficher et suivre les délais de délivrance des titres de séjour").Select(a => a.Id).SingleAsync());
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var structureId = await db.Set<ImprovementAction>().Where(a => a.Id == actionId).Select(a => a.StructureId).SingleAsync();
        ActionReminder Reminder() => new() { StructureId = structureId, ActionId = actionId, Kind = NotificationKind.ActionOverdue, Period = "2099-01", CreatedAt = DateTime.UtcNow };
        db.Add(Reminder());
        await db.SaveChangesAsync();
        db.Add(Reminder());
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Overdue_actions_are_reminded_again_the_next_month_due_soon_once_per_due_date()
    {
        await using var scope = factory.Scope();
        var job = scope.ServiceProvider.GetRequiredService<ActionReminderJob>();
        await job.RunAsync("test");
        var before = await factory.WithDbAsync(db => db.Set<ActionReminder>().Select(r => new { r.Kind, r.Period }).ToListAsync());
        Assert.Contains(before, r => r.Kind == NotificationKind.ActionOverdue && r.Period == "2026-11");
        Assert.Contains(before, r => r.Kind == NotificationKind.ActionDueSoon && r.Period == "2026-12-15");

        // Moving a due date calls for a new "due soon" reminder; the others are already done.
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Set<ImprovementAction>().SingleAsync(a => a.Title == "Faire figurer des coordonnées lisibles sur les fiches de réclamation");
            action.DueDate = new DateOnly(2026, 12, 10);
            return await db.SaveChangesAsync();
        });
        var run = await job.RunAsync("test");
        Assert.Equal(1, run.Reminders);
        Assert.Equal(2, run.Notifications); // the DCL relay referent and the quality referent
    }

    [Fact]
    public async Task Header_shows_the_unread_count_and_the_page_marks_them_read()
    {
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ActionReminderJob>().RunAsync("test");
        }
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var home = await relay.GetPageAsync("/");
        var unread = await factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.User.Email == DemoData.SavoieRelay.Email && n.ReadAt == null));
        Assert.True(unread > 0);
        Assert.Equal($"{unread} {(unread > 1 ? "non lues" : "non lue")}", home.QuerySelector("#notifications-entete .qp-count")!.TextContent.Trim());

        var page = await relay.GetPageAsync("/notifications");
        var rows = page.QuerySelectorAll("main tbody tr");
        Assert.Equal(await factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.User.Email == DemoData.SavoieRelay.Email)), rows.Length);
        // The relay referent also hears of the campaign deadline; the action reminders link to their actions.
        Assert.Contains(rows, r => r.QuerySelector("a")!.GetAttribute("href")!.StartsWith("/structures/pref-73/actions/", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await relay.SubmitAsync(page, "main form[action*='ReadAll']", [])).StatusCode);
        Assert.Null((await relay.GetPageAsync("/")).QuerySelector("#notifications-entete .qp-count"));
    }

    [Fact]
    public async Task Nobody_reads_or_marks_someone_else_s_notifications()
    {
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ActionReminderJob>().RunAsync("test");
        }
        var lozereNotification = await factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.User.Email == DemoData.LozereReferent.Email).Select(n => n.Id).FirstAsync());
        using var savoie = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var mine = await (await savoie.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).JsonAsync();
        Assert.DoesNotContain(mine.EnumerateArray(), n => n.GetProperty("id").GetInt32() == lozereNotification);
        Assert.Equal(HttpStatusCode.NotFound, (await savoie.PostAsync(new Uri($"/api/v1/notifications/{lozereNotification}/read", UriKind.Relative), null)).StatusCode);
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync($"/notifications?handler=Read&id={lozereNotification}")).StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == lozereNotification).Select(n => n.ReadAt).SingleAsync()));

        // An auditor is never reminded: the page shows them nothing.
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        Assert.Empty((await auditor.GetPageAsync("/notifications")).QuerySelectorAll("main tbody tr"));
    }

    [Fact]
    public async Task Only_a_national_administrator_runs_the_job_on_demand()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        Assert.True(Refusal.IsRefused(await referent.PostAsync("/admin/relances")));
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(new Uri("/api/v1/reminders/run", UriKind.Relative), null)).StatusCode);
        using var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var run = await (await admin.PostAsync(new Uri("/api/v1/reminders/run", UriKind.Relative), null)).JsonAsync();
        Assert.Equal("API : Alex Durand", run.GetProperty("trigger").GetString());
        Assert.Equal("2026-11-23", run.GetProperty("day").GetString());
    }
}
