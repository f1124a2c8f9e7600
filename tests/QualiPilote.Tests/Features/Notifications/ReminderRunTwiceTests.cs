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
        var referent = first[DemoData.SavoieReferent.Email];
        foreach (var expected in new[]
        {
            "Action en retard : « Afficher et suivre les délais de délivrance des titres de séjour » (Préfecture de la Savoie (démo), DCL-BI) – échéance du 31/10/2026 dépassée",
            "Échéance proche : « Rappeler les coordonnées des référents qualité sur l'intranet » (Préfecture de la Savoie (démo), SG) – à réaliser pour le 04/12/2026",
            "Échéance proche : « Faire figurer des coordonnées lisibles sur les fiches de réclamation » (Préfecture de la Savoie (démo), DCL) – à réaliser pour le 15/12/2026",
            "Échéance proche : « Dater et versionner les fiches de procédure de la base documentaire » (Préfecture de la Savoie (démo), SG) – à réaliser pour le 18/12/2026",
        })
        {
            Assert.Single(referent, expected);
        }
        // The relay referent of the DCL hears of the DCL's actions only; agents and auditors of nothing.
        Assert.Contains("Échéance proche : « Faire figurer des coordonnées lisibles sur les fiches de réclamation » (Préfecture de la Savoie (démo), DCL) – à réaliser pour le 15/12/2026",
            first[DemoData.SavoieRelay.Email]);
        Assert.All(first[DemoData.SavoieRelay.Email].Where(t => !t.StartsWith("Clôture de l'auto-diagnostic", StringComparison.Ordinal)),
            t => Assert.Contains("(Préfecture de la Savoie (démo), DCL)", t, StringComparison.Ordinal));
        Assert.Contains(first[DemoData.LozereReferent.Email], t => t.Contains("Préfecture de la Lozère (démo)", StringComparison.Ordinal));
        Assert.DoesNotContain(referent, t => t.Contains("Lozère", StringComparison.Ordinal));
        Assert.False(first.ContainsKey(DemoData.SavoieAgent.Email));
        Assert.False(first.ContainsKey(DemoData.SavoieAuditor.Email));
        Assert.Equal(first.Count, factory.Mails.Length); // one e-mail per person reminded

        // The second run, the same day, finds every reminder already made.
        var again = await admin.GetPageAsync("/admin/relances");
        var response = await admin.SubmitAsync(again, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(first, await NotificationsByUserAsync());
        Assert.Equal(first.Count, factory.Mails.Length);
        var runs = await factory.WithDbAsync(db => db.Set<ReminderRun>().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, runs.Count);
        Assert.Equal((first.Sum(u => u.Value.Count), first.Count), (runs[0].Notifications, runs[0].Emails));
        Assert.Equal((0, 0, 0), (runs[1].Reminders, runs[1].Notifications, runs[1].Emails));

        var mail = (await Task.WhenAll(factory.Mails.Select(f => MimeMessage.LoadAsync(f))))
            .Single(m => m.To.Mailboxes.Single().Address == DemoData.SavoieReferent.Email);
        // The referent's e-mail also lists the label, campaign and indicator alerts of the same run.
        Assert.Equal($"Quali-Pilote : {referent.Count} notifications dont 1 action en retard", mail.Subject);
        Assert.Contains("Label échu", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/structures/pref-73/actions/", mail.TextBody, StringComparison.Ordinal);
    }
}
