using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Notifications;

namespace QualiPilote.Tests.Features.Notifications;

/// <summary>The reminder job run twice on a fresh copy of the demo (23/11/2026): one notification per person and action.</summary>
public class ReminderRunTwiceTests(MailFolderAppFactory factory) : IClassFixture<MailFolderAppFactory>
{
    private Task<Dictionary<string, List<string>>> NotificationsByUserAsync() =>
        factory.WithDbAsync(async db => (await db.Set<Notification>().Select(n => new { n.User.Email, n.Title }).ToListAsync())
            .GroupBy(n => n.Email!).ToDictionary(g => g.Key, g => g.Select(n => n.Title).Order(StringComparer.Ordinal).ToList()));

    [Fact]
    public async Task Running_the_job_twice_notifies_each_person_once_in_the_app_and_by_email()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var page = await admin.GetPageAsync("/admin/relances");
        Assert.Contains("écrits en fichiers .eml", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "main form", [])).StatusCode);

        var first = await NotificationsByUserAsync();
        Assert.Equal(4, first[DemoData.SavoieReferent.Email].Count);
        Assert.Contains(first[DemoData.SavoieReferent.Email], t => t.StartsWith("Action en retard : « Afficher et suivre les délais de délivrance des titres de séjour »", StringComparison.Ordinal));
        Assert.Equal(["Échéance proche : « Faire figurer des coordonnées lisibles sur les fiches de réclamation » (Préfecture de la Savoie (démo), DCL) – à réaliser pour le 15/12/2026"],
            first[DemoData.SavoieRelay.Email]);
        Assert.Single(first[DemoData.LozereReferent.Email]);
        Assert.False(first.ContainsKey(DemoData.SavoieAgent.Email));
        Assert.False(first.ContainsKey(DemoData.SavoieAuditor.Email));
        Assert.Equal(3, factory.Mails.Length);

        // The second run, the same day, finds every reminder already made.
        var again = await admin.GetPageAsync("/admin/relances");
        var response = await admin.SubmitAsync(again, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(first, await NotificationsByUserAsync());
        Assert.Equal(3, factory.Mails.Length);
        var runs = await factory.WithDbAsync(db => db.Set<ReminderRun>().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([(5, 6, 3), (0, 0, 0)], runs.Select(r => (r.Reminders, r.Notifications, r.Emails)));

        var mail = (await Task.WhenAll(factory.Mails.Select(f => MimeMessage.LoadAsync(f))))
            .Single(m => m.To.Mailboxes.Single().Address == DemoData.SavoieReferent.Email);
        Assert.Equal("Quali-Pilote : 4 action(s) à suivre dont 1 en retard", mail.Subject);
        Assert.Contains("/structures/pref-73/actions/", mail.TextBody, StringComparison.Ordinal);
    }
}
