namespace QualiPilote.Web.Features.Notifications;

/// <summary>Settings of the daily reminder (section "Reminders").</summary>
public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Time of day, in metropolitan French time, of the daily run.</summary>
    public TimeOnly DailyAt { get; set; } = new(6, 0);
    /// <summary>Wait after start before a catch-up run, so that a restart after the daily hour skips no day
    /// (the job is idempotent, a second run that day notifies nobody twice).</summary>
    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromMinutes(1);
}
