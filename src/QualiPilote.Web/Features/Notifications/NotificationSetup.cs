namespace QualiPilote.Web.Features.Notifications;

public static class NotificationSetup
{
    /// <summary>The reminder job, its daily schedule and the mail seam: SMTP when Mail:Smtp:Host is set, else .eml
    /// files in Mail:PickupFolder (the demo sets data/mails: Features/Demo/DemoSetup.cs), else no e-mail.</summary>
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var mail = builder.Configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(mail);
        if (!string.IsNullOrEmpty(mail.Smtp.Host))
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else if (!string.IsNullOrEmpty(mail.PickupFolder))
        {
            services.AddSingleton<IMailSender, PickupFolderMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, NoMailSender>();
        }
        services.AddScoped<ActionReminderJob>();
        services.AddScoped<QualityAlerts>();
        services.AddScoped<NotificationPreferencesEditor>();
        var reminders = builder.Configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        services.AddSingleton(reminders);
        if (reminders.Enabled)
        {
            services.AddHostedService<ReminderScheduler>();
        }
    }
}
