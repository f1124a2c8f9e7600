using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>The national administrators' view of the daily reminder: its last runs, where e-mails go,
/// and a button to run it now (the demo and the tests use it; it notifies nobody twice).</summary>
[Authorize(Policy = Policies.NationalAdmin)]
public class RemindersModel(AppDbContext db, ActionReminderJob job, IMailSender mail, MailOptions mailOptions, ReminderOptions options) : PageModel
{
    public IReadOnlyList<ReminderRun> Runs { get; private set; } = [];

    public string MailStatus => mail switch
    {
        SmtpMailSender => $"envoyés par SMTP ({mailOptions.Smtp.Host}:{mailOptions.Smtp.Port})",
        PickupFolderMailSender pickup => $"écrits en fichiers .eml dans {pickup.Folder} (démonstration)",
        _ => "non configurés : seules les notifications dans l'application sont envoyées",
    };

    public string Schedule => options.Enabled
        ? $"chaque jour à {options.DailyAt:HH\\:mm} (heure de Paris), et une fois peu après chaque démarrage"
        : "désactivées (Reminders:Enabled = false)";

    public async Task OnGetAsync() =>
        Runs = await db.Set<ReminderRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(20).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var run = await job.RunAsync($"manuel : {User.DisplayName()}", HttpContext.RequestAborted);
        TempData["Success"] = $"Relances lancées : {Fr.Count(run.Reminders, "relance")}, {Fr.Count(run.Notifications, "notification")}, {Fr.Count(run.Emails, "courriel")}.";
        return RedirectToPage("/Notifications/Reminders");
    }
}
